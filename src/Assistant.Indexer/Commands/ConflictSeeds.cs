using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Assistant.Core.Acts;
using Assistant.Core.Forecasts;
using Assistant.Core.Norms;
using Assistant.Core.Text;

namespace Assistant.Indexer.Commands;

/// <summary>What a seeded copy should make the forecast say about the original.</summary>
internal enum SeedRole
{
    /// <summary>The copy's value is changed: a conflict, both values side by side.</summary>
    Conflict,

    /// <summary>The copy is unchanged: a duplication, not a conflict.</summary>
    Duplicate,

    /// <summary>A changed copy of a norm the draft does not touch: nothing.</summary>
    Control,
}

/// <param name="Unit">The original's unit the draft touches (an article, or its point).</param>
/// <param name="Copy">The synthetic act's article holding the copy.</param>
/// <param name="Original">The original's value; <paramref name="Changed"/> the copy's (the same for a duplicate).</param>
internal sealed record Seed(SeedRole Role, NormId Unit, NormId Copy, string Sentence, string CopySentence, NormValue Original, NormValue Changed);

/// <summary>The seeds of one original act: the synthetic act holding the copies, and the draft that touches the originals.</summary>
internal sealed record SeededAct(string ActId, IReadOnlyList<Seed> Seeds, string OtherActId, string OtherActText, string Draft);

/// <summary>
/// Builds the conflicts evaluation deterministically from real acts: sentences that hold a deadline, an amount, an
/// age or a modality are copied into a synthetic law, most with the value changed, some unchanged, some as controls
/// whose original the draft leaves alone; the draft appends words to each original unit, which keeps its value.
/// </summary>
internal static partial class ConflictSeeds
{
    private const string Appended = ", если иное не установлено законом";

    private static readonly ValueKind[] Seeded = [ValueKind.Deadline, ValueKind.Amount, ValueKind.Age, ValueKind.Modality];

    private static readonly string[] Months = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"];

    public static SeededAct Seed(Act act, int index, int perAct)
    {
        var candidates = Candidates(act);
        var chosen = Spread(candidates, perAct);
        var otherId = string.Create(CultureInfo.InvariantCulture, $"Z2599{index:000}000");
        var seeds = new List<Seed>();
        var other = new StringBuilder(string.Create(CultureInfo.InvariantCulture,
            $"О регулировании отдельных вопросов (сводный акт {index})\nЗакон Республики Казахстан от 1 июля 2025 года № {index}-VIII ЗРК.\n"));
        for (var i = 0; i < chosen.Count; i++)
        {
            var (unit, heading, sentence, value) = chosen[i];
            var role = (i % 6) switch { 4 => SeedRole.Duplicate, 5 => SeedRole.Control, _ => SeedRole.Conflict };
            var (copy, changed) = role == SeedRole.Duplicate ? (sentence, value) : Change(sentence, value);
            var article = new NormId(otherId, (i + 1).ToString(CultureInfo.InvariantCulture));
            other.Append(CultureInfo.InvariantCulture, $"Статья {i + 1}. {heading}\n{copy}\n");
            seeds.Add(new Seed(role, unit, article, sentence, copy, value, changed));
        }

        return new SeededAct(act.Id, seeds, otherId, other.ToString(), Draft(act, seeds.Where(s => s.Role != SeedRole.Control)));
    }

    /// <summary>One sentence per unit holding a seeded kind of value that changes cleanly, in the act's order.</summary>
    private static List<(NormId Unit, string Heading, string Sentence, NormValue Value)> Candidates(Act act)
    {
        var found = new List<(NormId, string, string, NormValue)>();
        foreach (var article in act.Norms.Where(n => n.Kind == NormKind.Article && n.Status == NormStatus.Active && n.Heading is { Length: > 0 }))
        {
            var units = article.Parts.Where(p => p.Kind == NormKind.Point).ToList() is { Count: > 0 } points ? points : [article];
            foreach (var unit in units)
            {
                var sentence = Sentences.Split(unit.Text).FirstOrDefault(s => s.Length is > 80 and < 500 && !s.Contains('«') && !AmendmentNote().IsMatch(s) && Value(s) is not null
                    && TextAnalyzer.Terms(s, Language.Ru).Distinct(StringComparer.Ordinal).Count() >= 8);
                if (sentence is not null && Value(sentence) is { } value && Change(sentence, value).Copy != sentence)
                {
                    found.Add((unit.Id, article.Heading!, sentence, value));
                }
            }
        }

        return found;
    }

    private static NormValue? Value(string sentence) => NormValues.In(sentence).FirstOrDefault(v => Seeded.Contains(v.Kind));

    /// <summary>Up to <paramref name="count"/> candidates, the kinds taken in turn, each kind's spread evenly over the act.</summary>
    private static List<(NormId Unit, string Heading, string Sentence, NormValue Value)> Spread(List<(NormId Unit, string Heading, string Sentence, NormValue Value)> candidates, int count)
    {
        var byKind = Seeded.Select(kind => candidates.Where(c => c.Value.Kind == kind).ToList()).Where(l => l.Count > 0).ToList();
        var quota = byKind.Select(_ => 0).ToArray();
        for (var taken = 0; taken < count && byKind.Where((l, k) => quota[k] < l.Count).Any();)
        {
            for (var k = 0; k < byKind.Count && taken < count; k++)
            {
                if (quota[k] < byKind[k].Count)
                {
                    quota[k]++;
                    taken++;
                }
            }
        }

        return [.. byKind.SelectMany((list, k) => Enumerable.Range(0, quota[k]).Select(i => list[i * list.Count / quota[k]]))
            .OrderBy(c => c.Unit.ToString(), StringComparer.Ordinal)];
    }

    /// <summary>The sentence with its value changed: a number doubled and written in figures, a modality turned round.</summary>
    internal static (string Copy, NormValue Changed) Change(string sentence, NormValue value)
    {
        string phrase;
        if (value.Kind == ValueKind.Modality)
        {
            phrase = value.Unit switch
            {
                "prohibited" => value.Phrase.StartsWith("не ", StringComparison.OrdinalIgnoreCase) ? value.Phrase[3..].TrimStart() : "допускается",
                "permitted" => value.Phrase.Equals("вправе", StringComparison.OrdinalIgnoreCase) ? "обязан" : "запрещается",
                _ => "вправе",
            };
        }
        else
        {
            var figures = (value.Quantity * 2).ToString("0.##", CultureInfo.GetCultureInfo("ru-RU"));
            var at = value.Phrase.IndexOf(value.Number, StringComparison.Ordinal);
            var rest = Bracket().Replace(value.Phrase[(at + value.Number.Length)..], string.Empty, 1);
            phrase = value.Phrase[..at] + figures + (rest.Length > 0 && char.IsLetter(rest[0]) ? "-" : string.Empty) + rest;
        }

        var at2 = sentence.IndexOf(value.Phrase, StringComparison.Ordinal);
        var copy = at2 < 0 ? sentence : sentence[..at2] + phrase + sentence[(at2 + value.Phrase.Length)..];
        var changed = NormValues.In(copy).FirstOrDefault(v => v.Kind == value.Kind && v.Normalized != value.Normalized);
        return changed is null ? (sentence, value) : (copy, changed);
    }

    /// <summary>«О внесении изменений в …»: for each unit, its words appended, which keeps the unit's value.</summary>
    private static string Draft(Act act, IEnumerable<Seed> seeds)
    {
        var date = act.AdoptedOn is { } d ? $" от {d.Day} {Months[d.Month - 1]} {d.Year} года" : string.Empty;
        var name = KnownActs.FindById(act.Id)?.RussianTitle ?? $"Закон Республики Казахстан{date} «{act.Title.Trim()}»";
        var draft = new StringBuilder().Append(CultureInfo.InvariantCulture, $"О внесении изменений в {name}\n\nСтатья 1. Внести в {name}{(name.StartsWith("Закон", StringComparison.Ordinal) ? string.Empty : date)} следующие изменения:\n");
        var line = 1;
        foreach (var seed in seeds)
        {
            var target = seed.Unit.Point is { } point ? $"пункт {point} статьи {seed.Unit.Article}" : $"статью {seed.Unit.Article}";
            draft.Append(CultureInfo.InvariantCulture, $"{line++}) {target} дополнить словами «{Appended}»;\n");
        }

        draft.Append("\nСтатья 2. Настоящий Закон вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования.\n");
        return draft.ToString();
    }

    /// <summary>A sentence that is, or holds, the note of an amending law: it fixes no value of the norm.</summary>
    [GeneratedRegex(@"Законом\s+РК|исключен|утратил")]
    private static partial Regex AmendmentNote();

    [GeneratedRegex(@"^\s*\([^()]{1,40}\)")]
    private static partial Regex Bracket();
}
