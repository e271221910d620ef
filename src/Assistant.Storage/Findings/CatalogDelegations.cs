using Assistant.Core.Acts;
using Assistant.Core.Adilet;
using Assistant.Core.Findings;
using Assistant.Core.Norms;
using Assistant.Storage.Catalog;

namespace Assistant.Storage.Findings;

/// <summary>The gap analysis's view of the catalog: current editions, bylaws not known to be repealed, and who refers to which article.</summary>
public sealed class CatalogDelegations(LegalCatalog catalog) : IDelegationSource
{
    private static readonly ActKind[] BylawKinds = [ActKind.Resolution, ActKind.Order, ActKind.Decree, ActKind.Decision];

    public Task<FindingAct?> CurrentAsync(string actId, Language language, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(CatalogActs.Current(catalog, actId, language));
    }

    /// <remarks>
    /// An act of unknown status counts: most records of the bulk corpus carry none, and leaving them out would call
    /// every delegation they implement a gap. A resolution on a draft decree («Жарлығының жобасы туралы») and one
    /// that repeals an act implement nothing.
    /// </remarks>
    public Task<IReadOnlyList<ActTitle>> BylawsAsync(Language language, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<ActTitle> bylaws = [.. catalog.ListActs(new ActFilter { Language = language })
            .Where(act => BylawKinds.Contains(act.Kind) && act.Status is not (ActStatus.Repealed or ActStatus.Expired) && !ActTitles.IsBill(act.Title) && !ActTitles.IsRepealing(act.Title))
            .Select(act => new ActTitle(act.Id, act.Title, act.AdoptedOn, act.Kind))];
        return Task.FromResult(bylaws);
    }

    public Task<IReadOnlyList<(string FromActId, NormId Target)>> ArticleReferencesAsync(CancellationToken cancellationToken)
    {
        var found = new List<(string, NormId)>();
        foreach (var language in Enum.GetValues<Language>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            found.AddRange(catalog.AllReferences(language).Select(r => (r.From.ActId, r.Target)));
        }

        var titles = new ActTitleIndex(catalog.ActTitles());
        foreach (var (actId, language, preamble) in Preambles())
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var reference in CrossReferences.Find(preamble, actId, language, titles: titles))
            {
                if (reference.TargetNormId is { } target && target.ActId != actId)
                {
                    found.Add((actId, target));
                }
            }
        }

        IReadOnlyList<(string, NormId)> all = found;
        return Task.FromResult(all);
    }

    public Task<IReadOnlyDictionary<string, int>> InboundAsync(Language language, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(CatalogInbound.Count(catalog, language));
    }

    /// <summary>The preambles of bylaws' current editions, where a bylaw names the article it is adopted under.</summary>
    private List<(string ActId, Language Language, string Preamble)> Preambles()
    {
        using var connection = CatalogFile.OpenReader(catalog.Path);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, language, preamble FROM acts
            WHERE is_current = 1 AND preamble IS NOT NULL AND kind IN ('Resolution', 'Order', 'Decree', 'Decision')
                AND status NOT IN ('Repealed', 'Expired')
            """;
        using var reader = command.ExecuteReader();
        var preambles = new List<(string, Language, string)>();
        while (reader.Read())
        {
            preambles.Add((reader.GetString(0), LanguageCodes.Parse(reader.GetString(1)), reader.GetString(2)));
        }

        return preambles;
    }
}
