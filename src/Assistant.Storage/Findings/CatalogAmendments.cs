using Assistant.Core.Acts;
using Assistant.Core.Adilet;
using Assistant.Core.Findings;
using Assistant.Core.Norms;
using Assistant.Storage.Catalog;

namespace Assistant.Storage.Findings;

/// <summary>The amendment history of every article of current editions in force, read from their footnotes.</summary>
public static class CatalogAmendments
{
    /// <summary>
    /// The articles whose footnotes (or those of their points) name amending laws with a date; a point's footnote counts
    /// for its article, the unit the stability report lists.
    /// </summary>
    public static IReadOnlyList<NormAmendments> Read(LegalCatalog catalog, Language language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        using var connection = CatalogFile.OpenReader(catalog.Path);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT a.id, a.title, n.norm_id, n.heading, n.path, f.text
            FROM footnotes f JOIN norms n ON n.norm_key = f.norm_key JOIN acts a ON a.act_key = f.act_key
            WHERE a.is_current = 1 AND a.language = $language AND a.status NOT IN ('Repealed', 'Expired')
            ORDER BY a.id, n.ordinal, f.ordinal
            """;
        command.Parameters.AddWithValue("$language", language.ToCode());
        using var reader = command.ExecuteReader();
        var byNorm = new Dictionary<NormId, (string ActTitle, string? Heading, string? Chapter, HashSet<(string, DateOnly)> Laws)>();
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var actId = reader.GetString(0);
            var norm = StoredNormId.Read(actId, reader.GetString(2)).TopLevel;
            var path = reader.GetString(4);
            if (!byNorm.TryGetValue(norm, out var entry))
            {
                byNorm[norm] = entry = (reader.GetString(1), null, null, []);
            }

            // A point's row carries neither the article's heading nor, in some sources, its path: the article's row does.
            if (entry.Heading is null && !reader.IsDBNull(3))
            {
                byNorm[norm] = entry = entry with { Heading = reader.GetString(3) };
            }

            if (entry.Chapter is null && path.Length > 0)
            {
                byNorm[norm] = entry = entry with { Chapter = path.Split(CatalogSchema.PathSeparator)[^1] };
            }

            foreach (var amendment in FootnoteReader.Amendments(reader.GetString(5)))
            {
                if (amendment.AdoptedOn is { } adopted)
                {
                    entry.Laws.Add((amendment.Number ?? amendment.Law, adopted));
                }
            }
        }

        return [.. byNorm.Where(p => p.Value.Laws.Count > 0)
            .Select(p => new NormAmendments(p.Key.ActId, p.Value.ActTitle, language, p.Key, p.Value.Heading, p.Value.Chapter, [.. p.Value.Laws.OrderBy(l => l.Item2)]))];
    }
}
