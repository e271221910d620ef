using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Assistant.Core.Acts;
using Assistant.Core.Evaluation;
using Assistant.Core.Retrieval;
using Assistant.Indexer.Hosting;
using Assistant.Storage.Catalog;

namespace Assistant.Indexer.Commands;

internal static class EvalCommand
{
    public static Command Create(CommandContext context)
    {
        var queries = new Option<string>("--queries")
        {
            Description = "JSONL of {\"id\",\"question\",\"lang\",\"gold\":[{\"act\",\"article\"?}]}",
            Required = true,
        };
        var top = CliOptions.Top(10);
        var json = CliOptions.Json();
        var verbose = new Option<bool>("--verbose") { Description = "List each query with the rank of its first correct norm" };
        var mode = CliOptions.Mode();
        var model = CliOptions.Model();
        var thesaurus = CliOptions.Thesaurus();
        var reranker = CliOptions.Reranker();
        var command = new Command("eval", "Measure retrieval against questions with known answers: Hit@1, Hit@k, Recall@k, MRR")
        {
            queries, top, json, verbose, mode, model, thesaurus, reranker,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetRequiredValue(queries);
            if (!File.Exists(path))
            {
                throw new CommandException($"No queries file at '{path}'.");
            }

            var k = parse.GetValue(top);
            var chosen = parse.GetValue(mode) ?? RetrievalMode.Lexical;
            using var services = await SearchServices.OpenAsync(context, context.OpenExistingCatalog(parse, LexicalIndexKind.Memory), chosen, parse.GetValue(model), cancellationToken, parse.GetValue(thesaurus), parse.GetValue(reranker));
            // Ranked in memory, as the API ranks once warm: there the thesaurus's terms weigh less than the question's.
            await services.Catalog.PrepareLexicalIndexAsync(cancellationToken);
            var all = EvalQuery.ReadAll(path);
            var outcomes = new List<QueryOutcome>();
            foreach (var question in all.Where(q => q.Gold.Count > 0))
            {
                var result = await services.Retrieval.SearchAsync(new SearchQuery(question.Question) { Top = k }, chosen, cancellationToken);
                outcomes.Add(RetrievalEvaluation.Score(question, [.. result.Hits.Select(h => h.NormId)], k));
            }

            var report = RetrievalEvaluation.Report(outcomes, k, all.Count - outcomes.Count);
            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(ToJson(report, chosen, services.Retrieval.Thesaurus is not null, services.Retrieval.Reranker?.Name), IndexerJson.Options));
            }
            else
            {
                Console.Out.WriteLine($"mode: {chosen.ToCode()}, thesaurus: {(services.Retrieval.Thesaurus is { } used ? $"{used.Entries.Count} relations" : "none")}, re-ranker: {services.Retrieval.Reranker?.Name ?? "none"}");
                PrintText(report, parse.GetValue(verbose) ? outcomes : []);
            }

            return 0;
        });
        return command;
    }

    private static Dictionary<string, object?> ToJson(EvaluationReport report, RetrievalMode mode, bool thesaurus, string? reranker) => new()
    {
        ["mode"] = mode.ToCode(),
        ["thesaurus"] = thesaurus,
        ["reranker"] = reranker,
        ["overall"] = Metrics(report.Overall, report.K),
        ["by_lang"] = report.ByLanguage.ToDictionary(p => p.Key.ToCode(), p => Metrics(p.Value, report.K)),
        ["by_kind"] = report.ByKind.ToDictionary(p => p.Key, p => Metrics(p.Value, report.K)),
        ["skipped_without_gold"] = report.SkippedWithoutGold,
    };

    private static Dictionary<string, object> Metrics(RetrievalMetrics m, int k) => new()
    {
        ["n"] = m.Queries,
        ["hit@1"] = Math.Round(m.HitAt1, 4),
        [$"hit@{k}"] = Math.Round(m.HitAtK, 4),
        [$"recall@{k}"] = Math.Round(m.RecallAtK, 4),
        ["mrr"] = Math.Round(m.Mrr, 4),
    };

    private static void PrintText(EvaluationReport report, IReadOnlyList<QueryOutcome> outcomes)
    {
        foreach (var outcome in outcomes)
        {
            var rank = outcome.FirstHitRank?.ToString(CultureInfo.InvariantCulture) ?? "-";
            Console.Out.WriteLine($"{outcome.Query.Id,-36} {outcome.Query.Language.ToCode()} first hit: {rank,2}  top: {string.Join(' ', outcome.Retrieved.Take(3))}");
        }

        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"",-16} {"n",5} {"Hit@1",7} {"Hit@" + report.K,7} {"Rec@" + report.K,7} {"MRR",7}"));
        Print("overall", report.Overall);
        foreach (var (language, metrics) in report.ByLanguage)
        {
            Print(language.ToCode(), metrics);
        }

        foreach (var (kind, metrics) in report.ByKind)
        {
            Print(kind, metrics);
        }

        if (report.SkippedWithoutGold > 0)
        {
            Console.Out.WriteLine($"({report.SkippedWithoutGold} queries without a gold act were skipped)");
        }
    }

    private static void Print(string label, RetrievalMetrics m) =>
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label,-16} {m.Queries,5} {m.HitAt1,7:F3} {m.HitAtK,7:F3} {m.RecallAtK,7:F3} {m.Mrr,7:F3}"));
}
