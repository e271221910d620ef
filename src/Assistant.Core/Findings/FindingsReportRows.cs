using System.Globalization;
using Assistant.Core.Acts;

namespace Assistant.Core.Findings;

/// <summary>The rows the HTML and Word forms of <see cref="FindingsReport"/> both show, written once.</summary>
internal static class FindingsReportRows
{
    public static readonly string[] CountHeadings = ["Категория", "Всего", "Высокий", "Средний", "Низкий", "Подтверждено", "Отклонено"];

    public static readonly string[] StabilityHeadings = ["Акт", "Глава", "Норм изменено", "За 1 год", "За 3 года", "За 5 лет"];

    public static readonly string[] NormStabilityHeadings = ["Норма", "Статья", "Глава", "За 1 год", "За 3 года", "За 5 лет", "Последнее изменение"];

    public static readonly string[] DemandHeadings = ["Тема (общие слова вопросов)", "Язык", "Вопросов", "Чат", "Портал", "По месяцам"];

    public static string Title(FindingsReport report) =>
        string.Create(CultureInfo.InvariantCulture, $"Аналитический отчёт о состоянии законодательства на {report.Generated.UtcDateTime:dd.MM.yyyy}");

    public static IEnumerable<string[]> Counts(FindingsReport report) => report.Counts.Select(c => new[]
    {
        FindingTexts.Kind(c.Kind), N(c.Total), N(c.High), N(c.Medium), N(c.Low), N(c.Confirmed), N(c.Dismissed),
    });

    /// <summary>The finding's details under its two norms: what differs, why, the score, priority and review.</summary>
    public static IEnumerable<(string Label, string Value)> Details(StoredFinding stored)
    {
        var finding = stored.Finding;
        yield return ("Что различается", finding.Differs);
        yield return ("Почему отмечено", finding.Reason);
        yield return ("Оценка", finding.Score.ToString("0.00", CultureInfo.InvariantCulture));
        yield return ("Приоритет", $"{FindingTexts.Priority(finding.Priority)} (ссылаются норм: {N(finding.InboundReferences)})");
        yield return ("Статус", FindingTexts.Status(stored.Review.Status) + (stored.Review.Comment is { Length: > 0 } comment ? $": {comment}" : string.Empty));
        yield return ("Код", finding.Id);
    }

    public static (string Heading, string Text) Left(Finding finding) => (finding.Norm, finding.Text);

    public static (string Heading, string Text) Right(Finding finding) => (finding.OtherNorm ?? FindingTexts.OtherSide(finding.Kind), finding.OtherText ?? "—");

    public static IEnumerable<string[]> Stability(StabilityReport stability, int acts) => stability.Acts.Take(acts).SelectMany(act =>
        new[] { new[] { $"{act.ActId} «{act.Title}»", "все главы", N(act.NormsAmended), N(act.Counts.LastYear), N(act.Counts.Last3Years), N(act.Counts.Last5Years) } }
            .Concat(act.Chapters.Take(3).Select(c => new[] { string.Empty, c.Chapter.Length == 0 ? "(вне глав)" : c.Chapter, N(c.NormsAmended), N(c.Counts.LastYear), N(c.Counts.Last3Years), N(c.Counts.Last5Years) })));

    public static IEnumerable<string[]> NormStability(StabilityReport stability) => stability.Norms.Select(n => new[]
    {
        n.Norm.ToString(), n.Heading ?? "—", n.Chapter ?? "—", N(n.Counts.LastYear), N(n.Counts.Last3Years), N(n.Counts.Last5Years),
        n.LastAmended.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture),
    });

    public static IEnumerable<string[]> Demand(UnmetDemandReport demand) => demand.Topics.Select(t => new[]
    {
        string.Join(", ", t.Terms), t.Language.ToCode(), N(t.Questions), N(t.Chat), N(t.Portal), string.Join("; ", t.ByMonth.Select(m => $"{m.Month}: {N(m.Questions)}")),
    });

    public static string DemandSummary(UnmetDemandReport demand) => string.Create(
        CultureInfo.InvariantCulture,
        $"Вопросов в чат и на портал: {demand.Asked}; без ответа, опирающегося на нормы (отказ или ни одной ссылки на норму): {demand.Unanswered}; из них без общей темы с другими вопросами: {demand.Ungrouped}. Текст вопросов не показывается: темы названы только словами, общими хотя бы для двух вопросов.");

    public static string StabilitySummary(StabilityReport stability) => string.Create(
        CultureInfo.InvariantCulture,
        $"По сноскам действующих редакций: сколько законов изменяли нормы акта или главы за 1, 3 и 5 лет до {stability.ReferenceDate:dd.MM.yyyy}; закон, изменивший несколько норм, считается один раз.");

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
