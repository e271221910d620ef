using Assistant.Core.Acts;
using Assistant.Core.Norms;

namespace Assistant.Core.Vectors;

/// <summary>
/// Identity of a vector point: one top-level norm in one language version of its act (as i-dot-ai's Lex keeps one
/// point per legislative section). Stable across re-ingests, unlike the catalog's row keys.
/// </summary>
public readonly record struct VectorKey(NormId NormId, Language Language)
{
    /// <summary>"ru|K1500000414/art:88": the text form stored by the indexes and hashed into Qdrant point ids.</summary>
    public override string ToString() => $"{Language.ToCode()}|{NormId}";

    /// <exception cref="FormatException">The text is not "lang|norm-id".</exception>
    public static VectorKey Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bar = text.IndexOf('|', StringComparison.Ordinal);
        var slash = text.IndexOf('/', bar + 1);

        // Bulk act ids may hold spaces that NormId.Parse refuses, but never '/': only the part after the act id is parsed.
        if (bar <= 0 || slash <= bar + 1 || !LanguageCodes.TryParse(text[..bar], out var language)
            || string.IsNullOrWhiteSpace(text[(bar + 1)..slash]) || !NormId.TryParse("ACT" + text[slash..], out var parsed))
        {
            throw new FormatException($"'{text}' is not a vector key of the form 'ru|K1500000414/art:88'.");
        }

        var normId = new NormId(text[(bar + 1)..slash], parsed.Article, parsed.Point, parsed.Subpoint, parsed.Annex);
        return new VectorKey(normId, language);
    }
}
