using System.Globalization;
using Assistant.Core.Acts;

namespace Assistant.Core.Forecasts;

/// <summary>One numbered finding of a forecast, as the narrative's model is given it and its items cite it.</summary>
/// <param name="Norms">The norms the finding names; a citation of the finding is a citation of these.</param>
public sealed record Evidence(int Number, string Text, IReadOnlyList<string> Norms);

/// <summary>
/// The findings of sections 1–6 of a forecast (affected norms, broken references, dependents, changed terms, drafting
/// rules, possible conflicts, follow-up acts), numbered for the model: the numbers are the only ids its narrative may cite.
/// </summary>
internal static class ForecastEvidence
{
    public static List<Evidence> Of(Forecast forecast, NarrativeOptions options)
    {
        var kazakh = forecast.Language == Language.Kk;
        var lines = new List<(string Text, IReadOnlyList<string> Norms)>();
        foreach (var affected in forecast.Affected.Take(options.MaxFindingsPerSection))
        {
            var label = kazakh ? Kazakh(affected.Change) : Russian(affected.Change);
            lines.Add(($"{label} {affected.Id}: {Cut(NewText(forecast, affected.Id), options)}", [affected.Id]));
        }

        foreach (var broken in forecast.BrokenReferences.Take(options.MaxFindingsPerSection))
        {
            var label = kazakh ? "Сілтеме еш нормаға сілтемейтін болады" : "Ссылка перестанет указывать на норму";
            lines.Add(($"{label}: {broken.From} ({broken.Citation}) → {broken.Target}: «{Cut(broken.Sentence, options)}»", [broken.From, broken.Target]));
        }

        foreach (var dependent in forecast.Dependents.Take(options.MaxFindingsPerSection))
        {
            var label = kazakh ? "Тәуелді норма" : "Зависимая норма";
            lines.Add(($"{label} {dependent.From} ({dependent.Citation}) → {dependent.Target}: «{Cut(dependent.Sentence, options)}»", [dependent.From, dependent.Affected]));
        }

        foreach (var term in forecast.Terms.Take(options.MaxFindingsPerSection))
        {
            var uses = kazakh ? "қолданылатын нормалар" : "норм, где он используется";
            lines.Add(($"Термин «{term.Term}» ({term.Change.ToString().ToLowerInvariant()}, {term.Definition}); {uses}: {term.UsedIn.Count.ToString(CultureInfo.InvariantCulture)}", [term.Definition, .. term.UsedIn]));
        }

        foreach (var finding in forecast.Findings.Take(options.MaxFindingsPerSection))
        {
            var label = kazakh ? "Заң техникасының ережесі" : "Правило юридической техники";
            lines.Add(($"{label} ({finding.Rule}): {Cut(finding.Message, options)}", finding.Norms));
        }

        foreach (var conflict in forecast.Conflicts.Take(options.MaxFindingsPerSection))
        {
            var label = conflict.Kind == ConflictKind.Duplication
                ? (kazakh ? "Қайталау" : "Дублирование")
                : (kazakh ? "Ықтимал қайшылық" : "Возможное противоречие");
            lines.Add(($"{label} ({conflict.Value.Kind.ToString().ToLowerInvariant()}): {conflict.Norm} «{conflict.Value.Phrase}» — {conflict.Other} ({conflict.OtherCitation}) «{conflict.OtherValue.Phrase}»", [conflict.Norm, conflict.Other]));
        }

        foreach (var followUp in forecast.FollowUps.Take(options.MaxFindingsPerSection))
        {
            var label = kazakh ? "Қабылданатын заңға тәуелді акт" : "Подзаконный акт к принятию";
            lines.Add(($"{label} ({followUp.Body}), {followUp.Norm}: «{Cut(followUp.Sentence, options)}»", [followUp.Norm]));
        }

        return [.. lines.Select((line, i) => new Evidence(i + 1, line.Text, line.Norms))];
    }

    /// <summary>The norm's text once the draft applies: its article's new text, where the forecast holds it.</summary>
    private static string NewText(Forecast forecast, string id)
    {
        var norm = forecast.Acts.SelectMany(a => a.Norms)
            .FirstOrDefault(n => id == n.Id || id.StartsWith(n.Id + "/", StringComparison.Ordinal));
        return norm?.After ?? string.Empty;
    }

    private static string Cut(string text, NarrativeOptions options)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length > options.MaxFindingCharacters ? flat[..options.MaxFindingCharacters] + "…" : flat;
    }

    private static string Russian(AffectedChange change) => change switch
    {
        AffectedChange.Added => "Новая норма",
        AffectedChange.Repealed => "Исключаемая норма",
        _ => "Изменяемая норма",
    };

    private static string Kazakh(AffectedChange change) => change switch
    {
        AffectedChange.Added => "Жаңа норма",
        AffectedChange.Repealed => "Алып тасталатын норма",
        _ => "Өзгертілетін норма",
    };
}
