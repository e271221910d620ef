using Assistant.Api.Hosting;
using Assistant.Core.Acts;

namespace Assistant.Api.Endpoints;

/// <summary>Checks shared by endpoints; each failure is a 400 problem naming the parameter and what is wrong.</summary>
internal static class RequestValidation
{
    public static IResult? Question(string? text, string parameter, ApiOptions options) =>
        QuestionError(text, parameter, options) is { } error ? Problems.BadRequest(error, parameter) : null;

    /// <summary>What is wrong with a question, or null when nothing is.</summary>
    public static ProblemText? QuestionError(string? text, string parameter, ApiOptions options)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return $"The {parameter} is empty.";
        }

        if (text.Length > options.MaxQuestionLength)
        {
            return $"The {parameter} is {text.Length} characters long; at most {options.MaxQuestionLength} are accepted.";
        }

        return null;
    }

    /// <summary>Null and empty mean any language; anything else must be ru or kk.</summary>
    public static IResult? Language(string? code, out Language? language) =>
        LanguageError(code, out language) is { } error ? Problems.BadRequest(error, "lang") : null;

    public static ProblemText? LanguageError(string? code, out Language? language)
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

        return $"Unknown language '{code}': use 'ru' or 'kk'.";
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
