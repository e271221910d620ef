using System.Text.Json;
using Assistant.Core.Acts;
using Assistant.Core.Discussion.Analytics;
using Assistant.Tests.Support;

namespace Assistant.Core.Tests.Discussion.Analytics;

/// <summary>
/// The held-out drafts of eval/comments, never tuned on: the figures `indexer eval-comments` printed for them, less a
/// few points, so that a change that makes them worse fails here.
/// </summary>
public sealed class CommentSetTests
{
    private static readonly List<Labelled> Test = Read("test.jsonl");

    [Theory]
    [InlineData(null, 0.90)]
    [InlineData(Language.Ru, 0.86)]
    [InlineData(Language.Kk, 0.94)]
    public void The_test_split_keeps_its_stance_accuracy(Language? language, double least)
    {
        var read = Analyses().SelectMany(a => a.StanceOf).ToDictionary(p => p.Key, p => p.Value);
        var chosen = Test.Where(c => language is null || c.Sample.Language == language).ToList();

        var accuracy = chosen.Count(c => read[c.Sample.Id] == c.Stance) / (double)chosen.Count;

        Assert.True(accuracy >= least, $"stance accuracy {accuracy:F3} below {least}");
    }

    [Fact]
    public void The_test_split_keeps_its_topic_purity_and_few_in_other()
    {
        var topics = Analyses().SelectMany(a => a.Topics).ToList();
        var gold = Test.ToDictionary(c => c.Sample.Id, c => c.Topic);
        var themed = topics.Where(t => !t.IsOther).ToList();
        var inThemes = themed.Sum(t => t.CommentIds.Count);

        var purity = themed.Sum(t => t.CommentIds.GroupBy(id => gold[id]).Max(g => g.Count())) / (double)inThemes;
        var other = 1 - (inThemes / (double)Test.Count);

        Assert.True(purity >= 0.75, $"topic purity {purity:F3}");
        Assert.True(other <= 0.15, $"share in «other» {other:F3}");
    }

    [Fact]
    public void Every_labelled_comment_is_in_exactly_one_topic()
    {
        foreach (var analysis in Analyses())
        {
            var ids = analysis.Topics.SelectMany(t => t.CommentIds).ToList();
            Assert.Equal(ids.Count, ids.Distinct().Count());
            Assert.Equal(analysis.Total, ids.Count);
        }
    }

    [Fact]
    public void The_splits_hold_whole_drafts_in_both_languages()
    {
        var tune = Read("tune.jsonl");

        Assert.Empty(tune.Select(c => c.Draft).Intersect(Test.Select(c => c.Draft)));
        Assert.All(new[] { tune, Test }, split =>
        {
            Assert.True(split.Count >= 100);
            Assert.Equal(2, split.Select(c => c.Sample.Language).Distinct().Count());
        });
    }

    private static List<DiscussionAnalysis> Analyses() =>
        [.. Test.GroupBy(c => c.Draft).Select(d => DiscussionAnalyzer.Analyze([.. d.Select(c => c.Sample)]))];

    private static List<Labelled> Read(string file) =>
        [.. File.ReadLines(Path.Combine(RepositoryFolders.CommentSet, file)).Where(l => l.Length > 0).Select(line =>
        {
            using var json = JsonDocument.Parse(line);
            var r = json.RootElement;
            var sample = new CommentSample(
                long.Parse(r.GetProperty("id").GetString()!.TrimStart('c'), System.Globalization.CultureInfo.InvariantCulture),
                r.GetProperty("text").GetString()!,
                LanguageCodes.Parse(r.GetProperty("lang").GetString()!),
                r.GetProperty("article").GetString(),
                r.GetProperty("at").GetDateTimeOffset());
            return new Labelled(sample, r.GetProperty("draft").GetString()!, Enum.Parse<Stance>(r.GetProperty("stance").GetString()!, ignoreCase: true), r.GetProperty("topic").GetString()!);
        })];

    private sealed record Labelled(CommentSample Sample, string Draft, Stance Stance, string Topic);
}
