namespace Assistant.Core.Acts;

/// <summary>The two official languages of Kazakh legislation.</summary>
public enum Language
{
    Ru,
    Kk,
}

public static class LanguageCodes
{
    public static string ToCode(this Language language) => language switch
    {
        Language.Ru => "ru",
        Language.Kk => "kk",
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, null),
    };

    public static bool TryParse(string? code, out Language language)
    {
        switch (code?.Trim().ToLowerInvariant())
        {
            case "ru":
            case "rus":
                language = Language.Ru;
                return true;
            case "kk":
            case "kz":
            case "kaz":
                language = Language.Kk;
                return true;
            default:
                language = default;
                return false;
        }
    }

    public static Language Parse(string code) => TryParse(code, out var language)
        ? language
        : throw new FormatException($"Unknown language '{code}': expected 'ru' or 'kk'.");
}
