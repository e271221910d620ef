using System.Text.Json;
using System.Text.RegularExpressions;
using Assistant.Core.Adilet;
using Assistant.Core.Evaluation;
using Assistant.Core.Norms;
using Assistant.Tests.Support;

namespace Assistant.Core.Tests.Evaluation;

/// <summary>The retrieval dev set (eval/retrieval) holds what its README says: checked answers, kinds, a clean split.</summary>
public sealed partial class RetrievalSetTests
{
    private static readonly string[] Kinds = ["colloquial", "professional", "numbers"];

    private static readonly string[] EvidenceFields = ["evidence", "evidence_more"];

    private static IReadOnlyList<EvalQuery> Part(string name) => EvalQuery.ReadAll(Path.Combine(RepositoryFolders.RetrievalSet, $"{name}.jsonl"));

    [Fact]
    public void The_parts_split_the_questions_without_sharing_an_article_or_a_question()
    {
        var train = Part("train");
        var heldout = Part("heldout");
        var all = Part("all");

        Assert.Equal(all.Select(q => q.Id).Order(), train.Concat(heldout).Select(q => q.Id).Order());
        Assert.True(all.Count >= 300, $"{all.Count} questions");
        var trainArticles = train.SelectMany(q => q.Gold).Select(g => (g.ActId, g.Article)).ToHashSet();
        Assert.DoesNotContain(heldout.SelectMany(q => q.Gold), gold => trainArticles.Contains((gold.ActId, gold.Article)));
        Assert.All(all, q => Assert.Contains(q.Kind, Kinds));
        Assert.True(all.SelectMany(q => q.Gold).Select(g => g.ActId).Distinct().Count() >= 20);
    }

    [SharedFact]
    public void Every_gold_article_is_in_force_in_the_corpus_and_holds_the_quoted_evidence()
    {
        var lines = File.ReadLines(Path.Combine(RepositoryFolders.RetrievalSet, "all.jsonl")).Where(line => line.Length > 0).ToList();
        var acts = new Dictionary<string, IReadOnlyDictionary<string, Norm>>();
        var failures = new List<string>();
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var evidence = EvidenceFields
                .Where(name => root.TryGetProperty(name, out _))
                .SelectMany(name => Quotes(root.GetProperty(name)))
                .Select(Collapse)
                .ToList();
            foreach (var gold in root.GetProperty("gold").EnumerateArray())
            {
                var act = gold.GetProperty("act").GetString()!;
                var article = gold.GetProperty("article").GetString()!;
                if (!acts.TryGetValue(act, out var articles))
                {
                    var parsed = AdiletTextParser.ParseFile(SharedData.Path("corpus", "adilet", "ru", $"{act}.ru.txt"));
                    acts[act] = articles = parsed.Norms.Where(n => n.Kind == NormKind.Article).GroupBy(n => n.Number).ToDictionary(g => g.Key, g => g.First());
                }

                if (!articles.TryGetValue(article, out var norm) || norm.Status != NormStatus.Active)
                {
                    failures.Add($"{root.GetProperty("id").GetString()}: {act} art. {article} is not an article in force");
                }
                else if (!evidence.Any(quote => Collapse(norm.Text).Contains(quote, StringComparison.Ordinal)))
                {
                    failures.Add($"{root.GetProperty("id").GetString()}: {act} art. {article} does not hold the quoted evidence");
                }
            }
        }

        Assert.Empty(failures);
    }

    /// <summary>A quote, or a list of them (one per further gold article).</summary>
    private static IEnumerable<string> Quotes(JsonElement element) =>
        element.ValueKind == JsonValueKind.Array ? element.EnumerateArray().Select(e => e.GetString()!) : [element.GetString()!];

    private static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
