using System.Globalization;
using System.Text.RegularExpressions;
using Assistant.Core.Acts;
using Assistant.Core.Findings;
using Assistant.Core.Forecasts;
using Assistant.Core.Norms;
using Assistant.Storage.Findings;

namespace Assistant.Indexer.Commands;

/// <summary>What a seeded copy of a real article should make the corpus-wide analysis say about the pair.</summary>
internal enum FindingSeedRole
{
    /// <summary>One value changed: a conflict.</summary>
    Conflict,

    /// <summary>Copied verbatim: a duplicate.</summary>
    Duplicate,

    /// <summary>Reworded with the same values: neither a conflict nor missed as a duplicate is asked, only no conflict.</summary>
    Paraphrase,
}

/// <param name="Kind">The changed value's kind, for a conflict.</param>
internal sealed record FindingSeed(FindingSeedRole Role, ValueKind? Kind, Language Language, string Split, string Original, string Copy, string Changed);

/// <summary>
/// The seeded set of <c>findings eval</c>: articles of real acts copied, each into a synthetic law of its own (so that
/// no synthetic act reproduces many norms of one code, which the analysis would discount as by design), with one
/// deadline, amount, age, body or modality changed, verbatim, or reworded with the same values.
/// </summary>
internal static partial class FindingSeeds
{
    private static readonly ValueKind[] Kinds = [ValueKind.Deadline, ValueKind.Amount, ValueKind.Age, ValueKind.Body, ValueKind.Modality];

    /// <summary>Seeds of one original act, its articles spread over the roles: six conflicts, two duplicates, two paraphrases in ten.</summary>
    public static List<(FindingSeed Seed, Act Copy)> Seed(Act original, string split, int perAct, ref int index)
    {
        ArgumentNullException.ThrowIfNull(original);
        var articles = original.Norms.Where(n => n.Kind == NormKind.Article && n.Status == NormStatus.Active && n.Text.Length is > 200 and < 2_500 && !n.Text.Contains("исключен", StringComparison.Ordinal)
            && !NormPairs.IsFormula(n.Text, Shingles.Words(n.Text).Count)).ToList();
        var seeds = new List<(FindingSeed, Act)>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        var turn = 0;
        for (var slot = 0; slot < perAct; slot++)
        {
            var role = (slot % 10) switch { < 6 => FindingSeedRole.Conflict, < 8 => FindingSeedRole.Duplicate, _ => FindingSeedRole.Paraphrase };
            (Norm Article, string Text, ValueKind? Kind)? chosen = null;
            for (var k = 0; k < Kinds.Length && chosen is null; k++)
            {
                var kind = Kinds[(turn + k) % Kinds.Length];
                chosen = articles.Where(a => !used.Contains(a.Id.ToString())).Select(a => Copy(a, role, kind, original.Language)).FirstOrDefault(c => c is not null);
                if (role != FindingSeedRole.Conflict)
                {
                    break;
                }
            }

            if (chosen is not { } found)
            {
                continue;
            }

            turn++;
            used.Add(found.Article.Id.ToString());
            var id = string.Create(CultureInfo.InvariantCulture, $"Z259{++index:0000}000");
            var copy = new Act
            {
                Id = id,
                Language = original.Language,
                Title = original.Language == Language.Ru
                    ? string.Create(CultureInfo.InvariantCulture, $"О регулировании отдельных вопросов (сводный акт {index})")
                    : string.Create(CultureInfo.InvariantCulture, $"Кейбір мәселелерді реттеу туралы (жиынтық акт {index})"),
                Kind = ActKind.Law,
                Status = ActStatus.InForce,
                AdoptedOn = new DateOnly(2025, 7, 1),
                Edition = "2025-07-01",
                Norms = [new Norm { Id = new NormId(id, "1"), Kind = NormKind.Article, Number = "1", Heading = found.Article.Heading, Text = found.Text, Status = NormStatus.Active }],
            };
            seeds.Add((new FindingSeed(role, found.Kind, original.Language, split, found.Article.Id.ToString(), copy.Norms[0].Id.ToString(), found.Text), copy));
        }

        return seeds;
    }

    /// <summary>The article's text as the role wants it, or null when the article cannot serve (no value of the kind that changes cleanly).</summary>
    private static (Norm Article, string Text, ValueKind? Kind)? Copy(Norm article, FindingSeedRole role, ValueKind kind, Language language)
    {
        if (role == FindingSeedRole.Duplicate)
        {
            return (article, article.Text, null);
        }

        if (role == FindingSeedRole.Paraphrase)
        {
            var reworded = Reword(article.Text, language);
            return reworded == article.Text ? null : (article, reworded, null);
        }

        foreach (var sentence in Sentences.Split(article.Text))
        {
            if (sentence.Length < 60 || sentence.Contains('«') || NormValues.In(sentence).FirstOrDefault(v => v.Kind == kind) is not { } value)
            {
                continue;
            }

            var changed = Change(sentence, value, language);
            if (changed != sentence && NormValues.In(changed).Any(v => v.Kind == kind && v.Normalized != value.Normalized))
            {
                var at = article.Text.IndexOf(sentence, StringComparison.Ordinal);
                return (article, article.Text[..at] + changed + article.Text[(at + sentence.Length)..], kind);
            }
        }

        return null;
    }

    /// <summary>A body swapped for another, a Kazakh modality turned round; the rest as the forecast's seeds change it.</summary>
    private static string Change(string sentence, NormValue value, Language language)
    {
        if (value.Kind == ValueKind.Body)
        {
            var other = value.Unit == "government"
                ? language == Language.Ru ? "уполномоченный орган" : "уәкілетті орган"
                : language == Language.Ru ? "Правительство Республики Казахстан" : "Қазақстан Республикасының Үкіметі";
            return Replace(sentence, value.Phrase, other);
        }

        if (value.Kind == ValueKind.Modality && language == Language.Kk)
        {
            var other = value.Unit switch { "prohibited" => "рұқсат етіледі", "permitted" => "міндетті", _ => "құқылы" };
            return Replace(sentence, value.Phrase, other);
        }

        return ConflictSeeds.Change(sentence, value).Copy;
    }

    /// <summary>The same rule in other words: a lead-in and connectives that fix no value, numbers and modalities kept.</summary>
    private static string Reword(string text, Language language)
    {
        var lead = language == Language.Ru ? "В соответствии с настоящей статьей " : "Осы бапқа сәйкес ";
        var reworded = language == Language.Ru
            ? RuConnectives().Replace(text, m => m.Value.ToLowerInvariant() switch { "а также" => "и также", "осуществляет" => "выполняет", "является" => "считается", _ => "и (или)" })
            : KkConnectives().Replace(text, m => m.Value == "және" ? "әрі" : "атқарады");
        var lines = reworded.Split('\n');
        var first = Array.FindIndex(lines, l => l.Trim().Length > 40);
        if (first >= 0)
        {
            var line = lines[first].TrimStart();
            var number = NumberedLine().Match(line);
            var body = line[number.Length..];
            lines[first] = number.Value + lead + (body.Length > 0 ? char.ToLowerInvariant(body[0]) + body[1..] : body);
        }

        return string.Join('\n', lines);
    }

    private static string Replace(string sentence, string phrase, string other)
    {
        var at = sentence.IndexOf(phrase, StringComparison.Ordinal);
        return at < 0 ? sentence : sentence[..at] + other + sentence[(at + phrase.Length)..];
    }

    [GeneratedRegex(@"(?<![\p{L}])(?:а также|осуществляет|является|и/или)(?![\p{L}])", RegexOptions.CultureInvariant)]
    private static partial Regex RuConnectives();

    [GeneratedRegex(@"(?<![\p{L}])(?:және|жүзеге асырады)(?![\p{L}])", RegexOptions.CultureInvariant)]
    private static partial Regex KkConnectives();

    [GeneratedRegex(@"^\d+(?:-\d+)?[.)]\s+")]
    private static partial Regex NumberedLine();
}
