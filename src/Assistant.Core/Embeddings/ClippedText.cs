namespace Assistant.Core.Embeddings;

/// <summary>Cuts texts to a length at a word boundary and drops those too short to pair.</summary>
internal static class ClippedText
{
    public static string? Of(string? text, PairMiningOptions options)
    {
        if (text is null)
        {
            return null;
        }

        var trimmed = text.AsSpan().Trim();
        if (trimmed.Length < options.MinCharacters)
        {
            return null;
        }

        if (trimmed.Length <= options.MaxCharacters)
        {
            return trimmed.Length == text.Length ? text : trimmed.ToString();
        }

        var cut = trimmed[..options.MaxCharacters];
        var space = cut.LastIndexOfAny(' ', '\n', '\t');
        return (space > options.MaxCharacters / 2 ? cut[..space] : cut).TrimEnd().ToString();
    }
}
