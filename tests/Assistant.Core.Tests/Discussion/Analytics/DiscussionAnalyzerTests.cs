using Assistant.Core.Acts;
using Assistant.Core.Discussion.Analytics;

namespace Assistant.Core.Tests.Discussion.Analytics;

/// <summary>What deputies read of a discussion: counts per day and article, topics that keep stances apart.</summary>
public sealed class DiscussionAnalyzerTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(5));

    private static readonly string[] OvertimeComments =
    [
        "Поддерживаю двойную оплату сверхурочных часов.",
        "Поддерживаю: сверхурочные часы надо оплачивать вдвойне.",
        "Правильно, оплата сверхурочных часов в двойном размере.",
        "Против двойной оплаты сверхурочных часов, бизнес не потянет.",
        "Против: оплата сверхурочных часов вдвойне разорит малый бизнес.",
        "Как считать сверхурочные часы при суммированном учете?",
        "Сверхурочные часы в выходной оплачиваются отдельно?",
    ];

    [Fact]
    public void Topics_never_mix_stances()
    {
        var comments = OvertimeComments.Select((text, i) => Comment(i + 1, text, "1", Start)).ToList();

        var analysis = DiscussionAnalyzer.Analyze(comments);

        Assert.Equal(comments.Count, analysis.Topics.Sum(t => t.CommentIds.Count));
        Assert.All(analysis.Topics, topic => Assert.All(topic.CommentIds, id => Assert.Equal(topic.Stance, analysis.StanceOf[id])));
        Assert.Contains(analysis.Topics, t => t.Stance == Stance.Support && !t.IsOther);
        Assert.Contains(analysis.Topics, t => t.Stance == Stance.Oppose && !t.IsOther);
    }

    [Fact]
    public void Key_terms_are_surface_words()
    {
        var comments = OvertimeComments.Select((text, i) => Comment(i + 1, text, "1", Start)).ToList();

        var analysis = DiscussionAnalyzer.Analyze(comments);

        var themed = analysis.Topics.Where(t => !t.IsOther).ToList();
        Assert.NotEmpty(themed);
        foreach (var topic in themed)
        {
            var words = topic.CommentIds
                .SelectMany(id => comments.Single(c => c.Id == id).Text.ToLowerInvariant().Split([' ', ',', '.', ':', '?'], StringSplitOptions.RemoveEmptyEntries))
                .ToHashSet(StringComparer.Ordinal);
            Assert.All(topic.KeyTerms, term => Assert.Contains(term, words));
        }

        Assert.Contains(themed.SelectMany(t => t.KeyTerms), t => t is "сверхурочных" or "сверхурочные");
    }

    [Fact]
    public void Comments_over_time_are_counted_per_day_and_stance()
    {
        var comments = new[]
        {
            Comment(1, "Поддерживаю.", null, Start),
            Comment(2, "Давно пора.", null, Start.AddHours(3)),
            Comment(3, "Против.", null, Start.AddHours(5)),
            Comment(4, "Когда вступит в силу?", null, Start.AddDays(2)),
        };

        var analysis = DiscussionAnalyzer.Analyze(comments);

        Assert.Equal(
            [
                new DailyStances(new DateOnly(2026, 11, 2), new StanceCounts(2, 1, 0)),
                new DailyStances(new DateOnly(2026, 11, 3), new StanceCounts(0, 0, 0)),
                new DailyStances(new DateOnly(2026, 11, 4), new StanceCounts(0, 0, 1)),
            ],
            analysis.OverTime);
        Assert.Equal(new StanceCounts(2, 1, 1), analysis.Stances);
        Assert.Equal(4, analysis.Stances.Total);
    }

    [Fact]
    public void A_day_is_taken_in_the_timestamps_own_offset()
    {
        var lateEvening = new DateTimeOffset(2026, 11, 2, 23, 30, 0, TimeSpan.FromHours(5));

        var analysis = DiscussionAnalyzer.Analyze([Comment(1, "Поддерживаю.", null, lateEvening)]);

        Assert.Equal(new DateOnly(2026, 11, 2), Assert.Single(analysis.OverTime).Day);
    }

    [Fact]
    public void Articles_without_comments_are_absent()
    {
        var comments = new[]
        {
            Comment(1, "Поддерживаю статью.", "10", Start),
            Comment(2, "Против.", "2", Start),
            Comment(3, "Қолдаймын.", null, Start, Language.Kk),
            Comment(4, "Против этого пункта.", "2", Start),
            Comment(5, "А это про что?", "14-1", Start),
        };

        var analysis = DiscussionAnalyzer.Analyze(comments);

        Assert.Equal([null, "2", "10", "14-1"], analysis.Articles.Select(a => a.Article));
        Assert.Equal(new StanceCounts(0, 2, 0), analysis.Articles.Single(a => a.Article == "2").Counts);
    }

    [Fact]
    public void No_comments_give_an_empty_analysis()
    {
        var analysis = DiscussionAnalyzer.Analyze([]);

        Assert.Equal(0, analysis.Total);
        Assert.Empty(analysis.OverTime);
        Assert.Empty(analysis.Articles);
        Assert.Empty(analysis.Topics);
    }

    [Fact]
    public void Three_thousand_comments_are_each_placed_in_exactly_one_topic()
    {
        var comments = Enumerable.Range(0, 3000)
            .Select(i => Comment(i, $"{OvertimeComments[i % OvertimeComments.Length]} Вариант {i % 97}, участок {i % 13}.", (i % 4).ToString(System.Globalization.CultureInfo.InvariantCulture), Start.AddMinutes(i)))
            .ToList();

        var analysis = DiscussionAnalyzer.Analyze(comments);

        var placed = analysis.Topics.SelectMany(t => t.CommentIds).ToList();
        Assert.Equal(3000, placed.Count);
        Assert.Equal(3000, placed.Distinct().Count());
    }

    private static CommentSample Comment(long id, string text, string? article, DateTimeOffset at, Language language = Language.Ru) =>
        new(id, text, language, article, at);
}
