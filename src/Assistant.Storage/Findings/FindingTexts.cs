namespace Assistant.Storage.Findings;

/// <summary>How much of a norm a finding quotes: enough to check it side by side, not a whole code's chapter.</summary>
internal static class FindingTexts
{
    public const int MaxLength = 1_500;

    public static string Excerpt(string text) => text.Length <= MaxLength ? text : text[..MaxLength] + " …";
}
