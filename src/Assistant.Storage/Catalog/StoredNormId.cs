using Assistant.Core.Norms;

namespace Assistant.Storage.Catalog;

/// <summary>
/// Reads a stored norm id back, given its act id: bulk records carry act ids that <see cref="NormId.Parse"/>
/// does not accept (spaces, long titles), so only the part after the act id is parsed.
/// </summary>
internal static class StoredNormId
{
    private const string Placeholder = "ACT";

    public static NormId Read(string actId, string normId)
    {
        if (!normId.StartsWith(actId + "/", StringComparison.Ordinal)
            || !NormId.TryParse(Placeholder + normId[actId.Length..], out var parsed))
        {
            throw new InvalidDataException($"The catalog holds a malformed norm id '{normId}' for act '{actId}'.");
        }

        return new NormId(actId, parsed.Article, parsed.Point, parsed.Subpoint, parsed.Annex);
    }
}
