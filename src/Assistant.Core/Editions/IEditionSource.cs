using Assistant.Core.Acts;

namespace Assistant.Core.Editions;

/// <summary>Reads the whole text of one edition of an act: what change reports and drafts are applied to.</summary>
public interface IEditionSource
{
    /// <summary>
    /// The edition of <paramref name="actId"/> in <paramref name="language"/> named by <paramref name="edition"/>:
    /// null for the current edition, an edition label («2024-03», «2026-01-12») or the id of the source record it
    /// was read from («ru2024-261»). Null when the act or that edition is not in the catalog.
    /// </summary>
    EditionText? Read(string actId, Language language, string? edition = null);
}
