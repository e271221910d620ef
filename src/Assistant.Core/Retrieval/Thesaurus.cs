using System.Buffers;
using Assistant.Core.Acts;
using Assistant.Core.Text;

namespace Assistant.Core.Retrieval;

/// <summary>
/// The legal thesaurus (models/thesaurus/legal-terms.tsv): everyday words, Kazakh terms and abbreviations mapped to
/// the wording of the acts. A relation fires when every stemmed word of its one side is among the question's terms,
/// in any order, and then adds the other side's stemmed words (at <see cref="Weight"/>, a translation's at 1), so that «уволиться» also
/// searches «расторжение трудового договора по инициативе работника» and a Kazakh question reaches Russian-only acts.
/// Words are stemmed as the catalog stems them, each side in its own language.
/// </summary>
public sealed class Thesaurus
{
    /// <summary>The file's header: the columns in order.</summary>
    public const string Header = "from_lang\tfrom\tto_lang\tto\tkind\tsource";

    /// <summary>The thesaurus that travels with every program, beside its binaries.</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "thesaurus", "legal-terms.tsv");

    private static readonly SearchValues<char> KazakhLetters = SearchValues.Create("әғқңөұүһіӘҒҚҢӨҰҮҺІ");

    private readonly Dictionary<(Language, string), List<Rule>> _byFirstTerm = [];

    private Thesaurus(IReadOnlyList<ThesaurusEntry> entries, double weight)
    {
        Entries = entries;
        Weight = weight;
        foreach (var entry in entries)
        {
            Add(entry.FromLanguage, entry.From, entry.ToLanguage, entry.To, entry);
            if (entry.Kind == ThesaurusKind.Translation)
            {
                Add(entry.ToLanguage, entry.To, entry.FromLanguage, entry.From, entry);
            }
        }
    }

    public IReadOnlyList<ThesaurusEntry> Entries { get; }

    /// <summary>The weight of a term an everyday word or an abbreviation adds, against 1 for the question's own and a translation's.</summary>
    public double Weight { get; }

    /// <param name="weight">The weight of added terms, in (0, 1].</param>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="FormatException">A malformed line, named by path and line number.</exception>
    public static Thesaurus Load(string path, double weight)
    {
        using var reader = new StreamReader(path);
        return Parse(reader, path, weight);
    }

    /// <param name="where">What to name in errors: the file's path.</param>
    public static Thesaurus Parse(TextReader reader, string where, double weight)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (!(weight > 0 && weight <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(weight), weight, "The weight of thesaurus terms must be above 0 and at most 1.");
        }

        var entries = new List<ThesaurusEntry>();
        var lineNumber = 0;
        var headerSeen = false;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (!headerSeen)
            {
                if (line.TrimEnd() != Header)
                {
                    throw new FormatException($"{where}:{lineNumber}: the first line must be the header «{Header.Replace('\t', ' ')}» (tab-separated).");
                }

                headerSeen = true;
                continue;
            }

            entries.Add(ParseLine(line, $"{where}:{lineNumber}"));
        }

        return new Thesaurus(entries, weight);
    }

    /// <summary>The relations the question fires and the terms they add.</summary>
    /// <param name="language">The question's language; null: Kazakh when it has Kazakh letters, else Russian.</param>
    public QueryExpansion Expand(string question, Language? language)
    {
        ArgumentNullException.ThrowIfNull(question);
        var asked = language ?? (question.AsSpan().IndexOfAny(KazakhLetters) >= 0 ? Language.Kk : Language.Ru);
        var own = TextAnalyzer.Terms(question, asked).ToHashSet(StringComparer.Ordinal);
        // The catalog stems a query without a language by script, so those stems are the question's own terms too.
        var searched = TextAnalyzer.Terms(question, language).ToHashSet(StringComparer.Ordinal);
        var applied = new List<AppliedExpansion>();
        var added = new Dictionary<string, double>(StringComparer.Ordinal);
        var fired = new HashSet<ThesaurusEntry>();
        foreach (var term in own)
        {
            if (!_byFirstTerm.TryGetValue((asked, term), out var rules))
            {
                continue;
            }

            foreach (var rule in rules.Where(rule => rule.When.IsSubsetOf(own) && fired.Add(rule.Entry)))
            {
                applied.Add(new AppliedExpansion(rule.FromText, rule.ToText, rule.Entry.Kind, rule.Entry.Source));
                // A translation says the same in the other language, often the only words an act held in it shares
                // with the question: it weighs as the question's own. Everyday words and abbreviations are looser.
                var weight = rule.Entry.Kind == ThesaurusKind.Translation ? 1.0 : Weight;
                foreach (var extra in rule.Then.Where(extra => !searched.Contains(extra)))
                {
                    added[extra] = Math.Max(weight, added.GetValueOrDefault(extra));
                }
            }
        }

        return applied.Count == 0 ? QueryExpansion.None : new QueryExpansion(applied, added);
    }

    private void Add(Language whenLanguage, string when, Language thenLanguage, string then, ThesaurusEntry entry)
    {
        var whenTerms = TextAnalyzer.Terms(when, whenLanguage).ToHashSet(StringComparer.Ordinal);
        var thenTerms = TextAnalyzer.Terms(then, thenLanguage).Distinct(StringComparer.Ordinal).ToList();
        if (whenTerms.Count == 0 || thenTerms.Count == 0)
        {
            return;
        }

        // Filed under one of its terms: a question that has them all has that one, and the rule is then checked whole.
        var first = whenTerms.Order(StringComparer.Ordinal).First();
        if (!_byFirstTerm.TryGetValue((whenLanguage, first), out var rules))
        {
            _byFirstTerm[(whenLanguage, first)] = rules = [];
        }

        rules.Add(new Rule(whenTerms, thenTerms, when, then, entry));
    }

    private static ThesaurusEntry ParseLine(string line, string where)
    {
        var columns = line.Split('\t');
        if (columns.Length != 6)
        {
            throw new FormatException($"{where}: expected 6 tab-separated columns ({Header.Replace('\t', ' ')}), found {columns.Length}.");
        }

        if (!LanguageCodes.TryParse(columns[0], out var fromLanguage) || !LanguageCodes.TryParse(columns[2], out var toLanguage))
        {
            throw new FormatException($"{where}: languages must be ru or kk, not '{columns[0]}' and '{columns[2]}'.");
        }

        if (!Enum.TryParse<ThesaurusKind>(columns[4], ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
        {
            throw new FormatException($"{where}: kind must be everyday, translation or abbreviation, not '{columns[4]}'.");
        }

        var (from, to, source) = (columns[1].Trim(), columns[3].Trim(), columns[5].Trim());
        if (from.Length == 0 || to.Length == 0 || source.Length == 0)
        {
            throw new FormatException($"{where}: from, to and source must not be empty.");
        }

        if (TextAnalyzer.Terms(from, fromLanguage).Count == 0 || TextAnalyzer.Terms(to, toLanguage).Count == 0)
        {
            throw new FormatException($"{where}: '{from}' or '{to}' has no searchable word (only function words or punctuation).");
        }

        return new ThesaurusEntry(fromLanguage, from, toLanguage, to, kind, source);
    }

    /// <summary>A relation one way: the stems that must all be in the question, and the stems it then adds.</summary>
    private sealed record Rule(HashSet<string> When, List<string> Then, string FromText, string ToText, ThesaurusEntry Entry);
}
