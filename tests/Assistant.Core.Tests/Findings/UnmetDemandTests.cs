using Assistant.Core.Audit;
using Assistant.Core.Findings;

namespace Assistant.Core.Tests.Findings;

public sealed class UnmetDemandTests
{
    [Fact]
    public void Questions_that_cite_no_norm_are_unanswered_and_grouped_by_the_words_they_share_with_counts_per_month()
    {
        var report = UnmetDemand.Of(
        [
            Chat(new(2026, 10, 3), "Как получить пенсию по инвалидности ребенку?"),
            Chat(new(2026, 11, 5), "Пенсия по инвалидности ребенку: какие документы?"),
            Portal(new(2026, 11, 9), "Положена ли пенсия по инвалидности ребенку-сироте?"),
            Chat(new(2026, 11, 10), "Сколько дней отпуска положено?", cites: "K1500000414/art:88"),
        ]);

        Assert.Equal(4, report.Asked);
        Assert.Equal(3, report.Unanswered);
        var topic = Assert.Single(report.Topics);
        Assert.Equal(3, topic.Questions);
        Assert.Equal((2, 1), (topic.Chat, topic.Portal));
        Assert.Contains("инвалидности", topic.Terms);
        Assert.Equal([new MonthCount("2026-10", 1), new MonthCount("2026-11", 2)], topic.ByMonth);
    }

    [Fact]
    public void A_forecast_in_the_audit_trail_is_not_a_question()
    {
        var forecast = new AuditEntry(DateTimeOffset.UtcNow, "expert1", "expert", null, "Forecast 1 of draft d1", [], [], AuditEntry.HashOf(""));

        var report = UnmetDemand.Of([forecast]);

        Assert.Equal(0, report.Asked);
    }

    [Fact]
    public void No_personal_data_and_no_word_of_a_single_question_reaches_a_topic()
    {
        var report = UnmetDemand.Of(
        [
            Chat(new(2026, 11, 1), "Меня зовут Айгерим, мой ИИН 870101350123, положена ли субсидия на аренду жилья?"),
            Chat(new(2026, 11, 2), "Кому положена субсидия на аренду жилья в Караганде?"),
        ]);

        var terms = report.Topics.SelectMany(t => t.Terms).ToList();
        Assert.Contains("аренду", terms);
        Assert.DoesNotContain(terms, t => t.Contains("айгерим", StringComparison.OrdinalIgnoreCase) || t.Contains("870101350123", StringComparison.Ordinal));
        Assert.DoesNotContain("караганде", terms);
        Assert.DoesNotContain("Айгерим", Flatten(report), StringComparison.Ordinal);
    }

    private static string Flatten(UnmetDemandReport report) => string.Join(' ', report.Topics.SelectMany(t => t.Terms));

    private static AuditEntry Chat(DateTime at, string question, string? cites = null) =>
        new(new DateTimeOffset(at, TimeSpan.Zero), "deputy1", "deputy", "c-" + question.Length, question, cites is null ? [] : [cites], cites is null ? [] : [cites], AuditEntry.HashOf("answer"));

    private static AuditEntry Portal(DateTime at, string question) =>
        new(new DateTimeOffset(at, TimeSpan.Zero), "anonymous", "public", "draft:d1", question, [], [], AuditEntry.HashOf("answer"));
}
