using System.Text.RegularExpressions;
using Assistant.Core.Acts;
using Assistant.Core.Changes;
using Assistant.Core.Drafts;
using Assistant.Core.Editions;
using Assistant.Core.Norms;
using Assistant.Core.Text;

namespace Assistant.Core.Forecasts;

/// <summary>
/// Definitions a draft changes, adds or repeals in an act's «Основные понятия» / «Негізгі ұғымдар» article, and the
/// norms of that act whose text — as the draft leaves it — uses the term: what the new meaning reaches, or what a
/// repealed term leaves undefined. A term is matched by its stemmed words in order, so «работник» finds «работника».
/// </summary>
internal static partial class ChangedTerms
{
    public static List<ChangedTerm> Find(IReadOnlyList<AffectedNorm> affected, IReadOnlyList<Consolidation> acts, IReadOnlyDictionary<string, EditionText?> editions, Language language)
    {
        var terms = new List<ChangedTerm>();
        foreach (var norm in affected)
        {
            var id = NormId.Parse(norm.Id);
            if (id.Article is null || editions.GetValueOrDefault(id.ActId) is not { } edition
                || edition.Norms.FirstOrDefault(n => n.Id == id.TopLevel) is not { } article || !DefinitionsHeading().IsMatch(article.Heading ?? string.Empty))
            {
                continue;
            }

            var consolidated = acts.Where(a => a.ActId == id.ActId).SelectMany(a => a.Norms).ToList();
            var drafted = consolidated.ToDictionary(n => n.Id, n => n.After, StringComparer.Ordinal);
            var definitions = id == article.Id
                ? Redefined(article, consolidated.FirstOrDefault(n => n.Id == article.Id.ToString()))
                : One(norm, Term(AfterText(acts, id)) ?? Term(article.SelfAndDescendants().FirstOrDefault(n => n.Id == id)?.Text));
            foreach (var (definition, term, change) in definitions)
            {
                // «значительный ущерб и значительный размер» defines two terms at once: either is a use.
                var forms = Conjunction().Split(term).Select(t => TextAnalyzer.Terms(t, language).ToArray()).Where(f => f.Length > 0).ToList();
                var usedIn = edition.Norms
                    .Where(n => n.Id != article.Id && TextAnalyzer.Terms(drafted.GetValueOrDefault(n.Id.ToString()) ?? n.Text, language).ToArray() is var text
                        && forms.Exists(f => text.AsSpan().IndexOf(f) >= 0))
                    .Select(n => n.Id.ToString())
                    .ToList();
                terms.Add(new ChangedTerm(definition, term, change, usedIn));
            }
        }

        return terms;
    }

    private static List<(string Definition, string Term, AffectedChange Change)> One(AffectedNorm norm, string? term) =>
        term is null ? [] : [(norm.Id, term, norm.Change)];

    /// <summary>
    /// A definitions article given a new redaction as a whole: its definitions compared one by one, by number, between
    /// the edition's text and the draft's — added, changed (in any word) or gone.
    /// </summary>
    private static List<(string Definition, string Term, AffectedChange Change)> Redefined(Norm article, ConsolidatedNorm? drafted)
    {
        if (drafted is null)
        {
            return [];
        }

        var before = Lines(drafted.Before);
        var after = Lines(drafted.After);
        var found = new List<(string, string, AffectedChange)>();
        foreach (var (number, line) in after)
        {
            if (Term(line) is not { } term)
            {
                continue;
            }

            if (!before.TryGetValue(number, out var old))
            {
                found.Add((IdOf(article, number), term, AffectedChange.Added));
            }
            else if (ComparableText.Key(old) != ComparableText.Key(line))
            {
                found.Add((IdOf(article, number), term, AffectedChange.Changed));
            }
        }

        foreach (var (number, old) in before.Where(b => !after.ContainsKey(b.Key)))
        {
            if (Term(old) is { } term)
            {
                found.Add((IdOf(article, number), term, AffectedChange.Repealed));
            }
        }

        return found;
    }

    private static Dictionary<string, string> Lines(string text) =>
        text.Split('\n').Select(line => DefinitionLine().Match(line)).Where(m => m.Success)
            .GroupBy(m => m.Groups["n"].Value, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);

    /// <summary>The id of the article's unit numbered so, or the article's when its definitions are not units of their own.</summary>
    private static string IdOf(Norm article, string number)
    {
        // Definitions are numbered «N)»: subpoints, of a point or of the article itself.
        var subpoints = article.SelfAndDescendants().Where(n => n.Kind == NormKind.Subpoint).ToList();
        if (subpoints.LastOrDefault(n => n.Number == number) is { } unit)
        {
            return unit.Id.ToString();
        }

        // An added definition is numbered like its siblings: «…/art:3/sp:1-1» beside «…/art:3/sp:1».
        var sibling = subpoints.LastOrDefault()?.Id.ToString();
        return sibling is null ? article.Id.ToString() : sibling[..(sibling.LastIndexOf(':') + 1)] + number;
    }

    /// <summary>The definition's line in the draft's text of its article, when the draft gives one.</summary>
    private static string? AfterText(IReadOnlyList<Consolidation> acts, NormId id)
    {
        var number = id.Subpoint ?? id.Point;
        var article = acts.SelectMany(a => a.Norms).FirstOrDefault(n => n.Id == id.TopLevel.ToString());
        return article?.After.Split('\n').FirstOrDefault(line => line.TrimStart().StartsWith(number + ")", StringComparison.Ordinal) || line.TrimStart().StartsWith(number + ".", StringComparison.Ordinal));
    }

    private static string? Term(string? definition) =>
        definition is not null && Definition().Match(definition) is { Success: true } match ? match.Groups["term"].Value.Trim().TrimEnd(',', ' ') : null;

    [GeneratedRegex(@"\s+(?:и|және)\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Conjunction();

    [GeneratedRegex(@"^\s*(?<n>\d+(?:-\d+)*)\)\s*\S.*$", RegexOptions.CultureInvariant)]
    private static partial Regex DefinitionLine();

    [GeneratedRegex(@"основные\s+понятия|понятий|термин|определени|ұғымдар", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DefinitionsHeading();

    /// <summary>«18) уполномоченный государственный орган по труду – центральный исполнительный орган…».</summary>
    [GeneratedRegex(@"^\s*\d+(?:-\d+)*[.)]\s*(?<term>[^–—:;()]{2,120}?)\s+(?:–|—|-)\s+\S", RegexOptions.CultureInvariant)]
    private static partial Regex Definition();
}
