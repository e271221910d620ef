using Assistant.Api.Hosting;
using Assistant.Core.Acts;

namespace Assistant.Api.Endpoints;

/// <summary>Checks shared by endpoints; each failure is a 400 problem naming the parameter and what is wrong.</summary>
internal static class RequestValidation
{
    public static IResult? Question(string? text, string parameter, ApiOptions options)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Problems.BadRequest($"The {parameter} is empty.", parameter);
        }

        return text.Length > options.MaxQuestionLength
            ? Problems.BadRequest($"The {parameter} is {text.Length} characters long; at most {options.MaxQuestionLength} are accepted.", parameter)
            : null;
    }

    /// <summary>Null and empty mean any language; anything else must be ru or kk.</summary>
    public static IResult? Language(string? code, out Language? language)
    {
        language = null;
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }

        if (LanguageCodes.TryParse(code, out var parsed))
        {
            language = parsed;
            return null;
        }

        return Problems.BadRequest($"Unknown language '{code}': use 'ru' or 'kk'.", "lang");
    }

    public static IResult? Enum<T>(string? value, string parameter, out T? parsed)
        where T : struct, Enum
    {
        parsed = null;
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (System.Enum.TryParse<T>(value, ignoreCase: true, out var result) && !int.TryParse(value, out _))
        {
            parsed = result;
            return null;
        }

        return Problems.BadRequest($"Unknown {parameter} '{value}': use one of {string.Join(", ", System.Enum.GetNames<T>())}.", parameter);
    }
}
