using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Assistant.Core.Acts;
using Assistant.Core.Discussion.Analytics;

namespace Assistant.Indexer.Commands;

/// <summary>
/// indexer eval-comments: the discussion analytics against the labelled comments of eval/comments, per split (tune,
/// which the cues and the threshold were set on, and test, which they were not) and per language, beside trivial
/// baselines (the tune split's majority stance for every comment; one topic per article) so the figures have a peer.
/// </summary>
internal static class CommentEvalCommand
{
    private static readonly Stance[] Stances = Enum.GetValues<Stance>();

    public static Command Create()
    {
        var folder = new Argument<DirectoryInfo>("dir") { Description = "Folder with tune.jsonl and test.jsonl of labelled comments" };
        var splits = new Option<string[]>("--splits")
        {
            Description = "The splits to score (tune while tuning: the test split is not looked at then)",
            AllowMultipleArgumentsPerToken = true,
            DefaultValueFactory = _ => ["tune", "test"],
        };
        var similarity = new Option<double[]>("--similarity")
        {
            Description = "Topic similarities to score, for tuning; the analyzer's own by default",
            AllowMultipleArgumentsPerToken = true,
        };
        var verbose = new Option<bool>("--verbose") { Description = "Print every comment whose stance was misread, and every topic" };
        var command = new Command("eval-comments", "Stance accuracy, macro-F1 and confusion; topic purity, «other» share and stance purity; per split and language, with baselines")
        {
            folder, splits, similarity, verbose,
        };
        command.SetAction(parse =>
        {
            var root = parse.GetRequiredValue(folder);
            var tune = Read(Path.Combine(root.FullName, "tune.jsonl"));
            var majority = tune.GroupBy(c => c.Stance).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
            var similarities = parse.GetValue(similarity) is { Length: > 0 } given ? given : [double.NaN];
            Console.Out.WriteLine($"method: {DiscussionAnalyzer.Method}");
            foreach (var split in parse.GetRequiredValue(splits))
            {
                var comments = split == "tune" ? tune : Read(Path.Combine(root.FullName, $"{split}.jsonl"));
                foreach (var threshold in similarities)
                {
                    Evaluate(split, comments, majority, threshold, parse.GetValue(verbose));
                }
            }

            return 0;
        });
        return command;
    }

    private static void Evaluate(string split, List<LabelledComment> comments, Stance majority, double threshold, bool verbose)
    {
        var analyses = comments.GroupBy(c => c.Draft, StringComparer.Ordinal)
            .Select(draft => draft.ToList())
            .Select(draft => (Comments: draft, Analysis: double.IsNaN(threshold)
                ? DiscussionAnalyzer.Analyze(draft.Select(c => c.Sample).ToList())
                : DiscussionAnalyzer.Analyze(draft.Select(c => c.Sample).ToList(), threshold)))
            .ToList();
        var byId = comments.ToDictionary(c => c.Sample.Id);
        var predicted = analyses.SelectMany(a => a.Analysis.StanceOf).ToDictionary(p => p.Key, p => p.Value);
        var topics = analyses.SelectMany(a => a.Analysis.Topics).ToList();
        var label = double.IsNaN(threshold) ? "" : string.Create(CultureInfo.InvariantCulture, $", topic similarity {threshold:F2}");
        Console.Out.WriteLine();
        Console.Out.WriteLine($"== {split}: {comments.Count} comments, {analyses.Count} drafts{label}");
        foreach (var language in new Language?[] { null, Language.Ru, Language.Kk })
        {
            var chosen = comments.Where(c => language is null || c.Sample.Language == language).ToList();
            var name = language?.ToCode() ?? "all";
            var stance = StanceScore.Of(chosen.Select(c => (c.Stance, predicted[c.Sample.Id])));
            var baseline = StanceScore.Of(chosen.Select(c => (c.Stance, majority)));
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"[{name}] n={chosen.Count} stance accuracy {stance.Accuracy:F3}, macro-F1 {stance.MacroF1:F3}  |  baseline (all {majority.ToString().ToLowerInvariant()}): accuracy {baseline.Accuracy:F3}, macro-F1 {baseline.MacroF1:F3}"));
            Console.Out.WriteLine($"[{name}]   confusion (rows gold, columns read: support oppose neutral): {stance.Confusion()}");

            var ours = TopicScore.Of(topics.Where(t => language is null || t.Language == language)
                .Select(t => (t.IsOther, t.CommentIds.Select(id => byId[id]).ToList())));
            var perArticle = TopicScore.Of(chosen.GroupBy(c => (c.Draft, c.Sample.Article, c.Sample.Language))
                .Select(g => (false, g.ToList())));
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"[{name}]   topics {ours.Topics}: purity {ours.Purity:F3}, in «other» {ours.OtherShare:F3}, topics holding another gold stance than their majority {ours.MixedTopics:F3} (comments {ours.MixedComments:F3})  |  baseline (one topic per article, {perArticle.Topics}): purity {perArticle.Purity:F3}, stance-mixed topics {perArticle.MixedTopics:F3} (comments {perArticle.MixedComments:F3})"));
        }

        if (!verbose)
        {
            return;
        }

        foreach (var comment in comments.Where(c => predicted[c.Sample.Id] != c.Stance))
        {
            Console.Out.WriteLine($"  misread {comment.Id} gold {comment.Stance} read {predicted[comment.Sample.Id]}: {comment.Sample.Text}");
        }

        foreach (var topic in topics)
        {
            var gold = string.Join(" ", topic.CommentIds.Select(id => $"{byId[id].Topic}/{byId[id].Stance.ToString()[0]}"));
            Console.Out.WriteLine($"  topic {topic.Stance} {topic.Language.ToCode()} [{string.Join(", ", topic.KeyTerms)}]{(topic.IsOther ? " other" : "")}: {gold}");
        }
    }

    private static List<LabelledComment> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new CommandException($"No '{path}': the folder needs tune.jsonl and test.jsonl.");
        }

        return [.. File.ReadLines(path).Where(l => l.Trim().Length > 0).Select((line, n) =>
        {
            var record = JsonSerializer.Deserialize<CommentRecord>(line, IndexerJson.Options)
                ?? throw new CommandException($"{path}:{n + 1}: not a comment");
            return record.ToLabelled($"{path}:{n + 1}");
        })];
    }

    /// <summary>A line of eval/comments: the comment, and its gold stance and topic.</summary>
    private sealed record CommentRecord(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("lang")] string Lang,
        [property: JsonPropertyName("draft")] string Draft,
        [property: JsonPropertyName("article")] string? Article,
        [property: JsonPropertyName("text")] string Text,
        [property: JsonPropertyName("stance")] string Stance,
        [property: JsonPropertyName("topic")] string Topic,
        [property: JsonPropertyName("at")] DateTimeOffset At)
    {
        public LabelledComment ToLabelled(string where)
        {
            if (!long.TryParse(Id.TrimStart('c'), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                || !Enum.TryParse<Stance>(Stance, ignoreCase: true, out var stance))
            {
                throw new CommandException($"{where}: id «{Id}» must be c<number>, stance «{Stance}» support, oppose or neutral");
            }

            return new LabelledComment(Id, Draft, Topic, stance, new CommentSample(number, Text, LanguageCodes.Parse(Lang), Article, At));
        }
    }

    private sealed record LabelledComment(string Id, string Draft, string Topic, Stance Stance, CommentSample Sample);

    private sealed record StanceScore(int[,] Matrix, int Count)
    {
        public double Accuracy => Count == 0 ? 0 : Stances.Sum(s => Matrix[(int)s, (int)s]) / (double)Count;

        /// <summary>The mean of the three classes' F1, a class without gold or read comments counting 0.</summary>
        public double MacroF1 => Stances.Average(s =>
        {
            var truePositives = Matrix[(int)s, (int)s];
            var gold = Stances.Sum(r => Matrix[(int)s, (int)r]);
            var read = Stances.Sum(g => Matrix[(int)g, (int)s]);
            return gold + read == 0 ? 0 : 2.0 * truePositives / (gold + read);
        });

        public static StanceScore Of(IEnumerable<(Stance Gold, Stance Read)> pairs)
        {
            var matrix = new int[Stances.Length, Stances.Length];
            var count = 0;
            foreach (var (gold, read) in pairs)
            {
                matrix[(int)gold, (int)read]++;
                count++;
            }

            return new StanceScore(matrix, count);
        }

        public string Confusion() => string.Join("; ", Stances.Select(g =>
            $"{g.ToString().ToLowerInvariant()} {string.Join(" ", Stances.Select(r => Matrix[(int)g, (int)r]))}"));
    }

    /// <param name="Purity">Over comments in topics other than «other»: each topic's share of its majority gold topic, weighted by size.</param>
    /// <param name="MixedTopics">The share of those topics holding a comment whose gold stance is not the topic's majority.</param>
    /// <param name="MixedComments">The share of their comments whose gold stance is not their topic's majority.</param>
    private sealed record TopicScore(int Topics, double Purity, double OtherShare, double MixedTopics, double MixedComments)
    {
        public static TopicScore Of(IEnumerable<(bool IsOther, List<LabelledComment> Comments)> topics)
        {
            var all = topics.ToList();
            var themed = all.Where(t => !t.IsOther).Select(t => t.Comments).ToList();
            var inThemes = themed.Sum(t => t.Count);
            var total = all.Sum(t => t.Comments.Count);
            int Majority<T>(List<LabelledComment> topic, Func<LabelledComment, T> key) => topic.GroupBy(key).Max(g => g.Count());
            return new TopicScore(
                themed.Count,
                inThemes == 0 ? 0 : themed.Sum(t => Majority(t, c => c.Topic)) / (double)inThemes,
                total == 0 ? 0 : (total - inThemes) / (double)total,
                themed.Count == 0 ? 0 : themed.Count(t => Majority(t, c => c.Stance) < t.Count) / (double)themed.Count,
                inThemes == 0 ? 0 : themed.Sum(t => t.Count - Majority(t, c => c.Stance)) / (double)inThemes);
        }
    }
}
