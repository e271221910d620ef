using Assistant.Core.Acts;
using Assistant.Core.Text;

namespace Assistant.Core.Forecasts;

/// <summary>An existing bylaw that may already serve a delegation, and why it is named.</summary>
/// <param name="Basis">refers: it refers to the delegating norm's article, i.e. implements it; title: its title says what the delegating sentence does.</param>
/// <param name="Score">For a title match, the cosine of the two texts' terms weighted by rarity among bylaw titles; 1 for a reference.</param>
public sealed record BylawMatch(string ActId, string Title, string Basis, double Score);

/// <summary>
/// The bylaws in force of one language, by the terms of their titles: a delegation («Правила … утверждаются
/// уполномоченным органом») is matched to titles («Об утверждении Правил …») sharing its rare terms, among the kinds of
/// act the delegated body adopts.
/// </summary>
public sealed class Bylaws
{
    /// <summary>
    /// Below this a title shares too little with the sentence to be named. Set by reading the matches of the dev drafts;
    /// the recall of title matches is unmeasured: the corpus links almost no bylaw to the law article it implements.
    /// </summary>
    public const double MinScore = 0.3;

    private readonly Language _language;
    private readonly List<(ActTitle Act, Dictionary<string, double> Terms, double Norm)> _titles = [];
    private readonly Dictionary<string, List<int>> _byTerm = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _idf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ActTitle> _byId = new(StringComparer.Ordinal);

    /// <param name="bylaws">Resolutions, orders, decrees and decisions in force, with their titles in <paramref name="language"/>.</param>
    public Bylaws(IEnumerable<ActTitle> bylaws, Language language)
    {
        ArgumentNullException.ThrowIfNull(bylaws);
        _language = language;
        var terms = new List<(ActTitle Act, HashSet<string> Terms)>();
        foreach (var act in bylaws)
        {
            _byId.TryAdd(act.Id, act);
            var set = TextAnalyzer.Terms(act.Title, language).ToHashSet(StringComparer.Ordinal);
            if (set.Count > 0)
            {
                terms.Add((act, set));
            }
        }

        var frequency = terms.SelectMany(t => t.Terms).CountBy(t => t, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        foreach (var (term, count) in frequency)
        {
            _idf[term] = Math.Log((terms.Count + 1.0) / count);
        }

        foreach (var (act, set) in terms)
        {
            var weights = set.ToDictionary(t => t, t => _idf[t], StringComparer.Ordinal);
            var index = _titles.Count;
            _titles.Add((act, weights, Math.Sqrt(weights.Values.Sum(w => w * w))));
            foreach (var term in set)
            {
                if (!_byTerm.TryGetValue(term, out var list))
                {
                    _byTerm[term] = list = [];
                }

                list.Add(index);
            }
        }
    }

    public int Count => _titles.Count;

    /// <summary>The bylaw of this id, or null when the act is not a bylaw in force.</summary>
    public ActTitle? Get(string actId) => _byId.GetValueOrDefault(actId);

    /// <summary>The bylaws whose titles best fit the delegating sentence, best first, at most <paramref name="top"/>, each at least <see cref="MinScore"/>.</summary>
    /// <param name="body">Who adopts it («Правительством Республики Казахстан», «уполномоченным органом»): the kinds of act looked among.</param>
    public IReadOnlyList<BylawMatch> ByTitle(string sentence, string body, int top = 3, double minScore = MinScore)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        ArgumentNullException.ThrowIfNull(body);
        var kinds = KindsAdoptedBy(body);
        var query = TextAnalyzer.Terms(sentence, _language).Where(_idf.ContainsKey).ToHashSet(StringComparer.Ordinal);
        foreach (var term in TextAnalyzer.Terms(body, _language))
        {
            // The body is who adopts the act, not what it is about: every order names «уполномоченный орган» alike.
            query.Remove(term);
        }

        var queryNorm = Math.Sqrt(query.Sum(t => _idf[t] * _idf[t]));
        if (queryNorm == 0)
        {
            return [];
        }

        var shared = new Dictionary<int, double>();
        foreach (var term in query)
        {
            foreach (var index in _byTerm[term])
            {
                shared[index] = shared.GetValueOrDefault(index) + (_idf[term] * _idf[term]);
            }
        }

        return [.. shared
            .Where(s => kinds.Contains(_titles[s.Key].Act.Kind))
            .Select(s => (Index: s.Key, Score: s.Value / (queryNorm * _titles[s.Key].Norm)))
            .Where(s => s.Score >= minScore)
            .OrderByDescending(s => s.Score).ThenBy(s => _titles[s.Index].Act.Id, StringComparer.Ordinal)
            .Take(top)
            .Select(s => new BylawMatch(_titles[s.Index].Act.Id, _titles[s.Index].Act.Title, "title", Math.Round(s.Score, 3)))];
    }

    /// <summary>The Government adopts resolutions, the President decrees, ministries and authorized bodies orders, local bodies decisions and resolutions.</summary>
    internal static IReadOnlySet<ActKind> KindsAdoptedBy(string body)
    {
        var folded = body.ToLowerInvariant();
        if (folded.StartsWith("правительств", StringComparison.Ordinal) || folded.Contains("үкімет", StringComparison.Ordinal))
        {
            return new HashSet<ActKind> { ActKind.Resolution };
        }

        if (folded.StartsWith("президент", StringComparison.Ordinal) || folded.Contains("президенті", StringComparison.Ordinal))
        {
            return new HashSet<ActKind> { ActKind.Decree };
        }

        if (folded.StartsWith("местн", StringComparison.Ordinal) || folded.Contains("жергілікті", StringComparison.Ordinal))
        {
            return new HashSet<ActKind> { ActKind.Decision, ActKind.Resolution };
        }

        if (folded.StartsWith("национальн", StringComparison.Ordinal) || folded.Contains("ұлттық", StringComparison.Ordinal))
        {
            return new HashSet<ActKind> { ActKind.Resolution, ActKind.Order };
        }

        return new HashSet<ActKind> { ActKind.Order };
    }
}
