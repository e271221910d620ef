using Assistant.Core.Acts;
using Assistant.Core.Forecasts;
using Assistant.Core.Norms;

namespace Assistant.Core.Findings;

/// <summary>What the catalog holds for one delegation: the act that implements it, or the closest one that does not.</summary>
/// <param name="Found">A bylaw that refers to the delegating article, or whose title fits the sentence at the threshold.</param>
/// <param name="Closest">When none is found, the best title below the threshold, for the expert to check.</param>
public sealed record Implementation(BylawMatch? Found, BylawMatch? Closest);

/// <summary>
/// Finds the bylaw that implements a delegation: first one that names the delegating article as its basis or refers to
/// it (the catalog's references and bylaw preambles), then one whose title shares the sentence's rare terms among the
/// kinds of act the delegated body adopts (<see cref="Bylaws.ByTitle"/>); either way its title must name the
/// instrument delegated (<see cref="DelegatedInstrument"/>).
/// </summary>
public sealed class ImplementingActs
{
    private readonly Bylaws _bylaws;
    private readonly Dictionary<NormId, SortedSet<string>> _byArticle = [];

    /// <param name="references">Which act refers to which norm; references from acts that are not bylaws in force are ignored.</param>
    public ImplementingActs(Bylaws bylaws, IEnumerable<(string FromActId, NormId Target)> references, double titleThreshold = Bylaws.MinScore)
    {
        ArgumentNullException.ThrowIfNull(bylaws);
        ArgumentNullException.ThrowIfNull(references);
        _bylaws = bylaws;
        TitleThreshold = titleThreshold;
        foreach (var (from, target) in references)
        {
            if (target.Article is null || bylaws.Get(from) is null)
            {
                continue;
            }

            if (!_byArticle.TryGetValue(target.TopLevel, out var acts))
            {
                _byArticle[target.TopLevel] = acts = new SortedSet<string>(StringComparer.Ordinal);
            }

            acts.Add(from);
        }
    }

    /// <summary>The title similarity at which a bylaw counts as implementing the delegation.</summary>
    public double TitleThreshold { get; }

    /// <summary>How many title matches are looked through for one that names the delegated instrument.</summary>
    private const int TitleCandidates = 20;

    /// <param name="phrase">The delegating words (<see cref="Delegations.InText"/>), which name the instrument delegated.</param>
    public Implementation For(NormId norm, string phrase, string sentence, string body, Language language)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        ArgumentNullException.ThrowIfNull(sentence);
        ArgumentNullException.ThrowIfNull(body);
        var instrument = DelegatedInstrument.TitleStems(phrase, sentence, language);
        var kinds = Bylaws.KindsAdoptedBy(body);
        if (norm.Article is not null && _byArticle.TryGetValue(norm.TopLevel, out var referring))
        {
            // A ministry's regulations refer to every article its powers rest on: a referring act implements the
            // delegation only when it is of the kind this body adopts and its title names the instrument delegated.
            var bylaw = referring.Select(id => _bylaws.Get(id)!).FirstOrDefault(b => kinds.Contains(b.Kind) && DelegatedInstrument.Names(b.Title, instrument));
            if (bylaw is not null)
            {
                return new Implementation(new BylawMatch(bylaw.Id, bylaw.Title, "refers", 1), null);
            }
        }

        var candidates = _bylaws.ByTitle(sentence, body, top: TitleCandidates, minScore: 0);
        var best = candidates.FirstOrDefault(c => DelegatedInstrument.Names(c.Title, instrument));
        return best is not null && best.Score >= TitleThreshold
            ? new Implementation(best, null)
            : new Implementation(null, best ?? (candidates is [var first, ..] ? first : null));
    }
}
