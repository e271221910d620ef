using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Assistant.Core.Evaluation;
using Assistant.Indexer.Commands;
using Assistant.Storage.Catalog;

namespace Assistant.Indexer.Benchmarks;

/// <summary>
/// <c>bench search</c>: lexical search latency over the questions of an eval file, ranked in FTS5 and in the
/// in-memory index in the same run (each question by both, in alternating order), with a check that both return
/// the same norms.
/// </summary>
internal static class SearchBenchmark
{
    public static Command Create(CommandContext context)
    {
        var queries = new Option<string[]>("--queries") { Required = true, AllowMultipleArgumentsPerToken = true, Description = "JSONL question files (eval format)" };
        var repeat = new Option<int>("--repeat") { DefaultValueFactory = _ => 5, Description = "Timed passes over all questions, after one warm-up pass" };
        var top = CliOptions.Top(10);
        var command = new Command("search", "Search latency p50/p95/p99 over eval questions: FTS5 against the in-memory index") { queries, repeat, top };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var questions = parse.GetRequiredValue(queries).SelectMany(EvalQuery.ReadAll).Select(q => q.Question).ToList();
            if (questions.Count == 0)
            {
                throw new CommandException("The query files hold no questions.");
            }

            using var fts5 = context.OpenExistingCatalog(parse);
            using var memory = context.OpenExistingCatalog(parse, LexicalIndexKind.Memory);
            var building = Stopwatch.StartNew();
            await memory.PrepareLexicalIndexAsync(cancellationToken);
            var built = building.Elapsed;

            // The warm-up pass: it also checks that both rank alike.
            var k = parse.GetValue(top);
            var differing = 0;
            foreach (var question in questions)
            {
                var expected = fts5.Search(new SearchQuery(question) { Top = k }).Select(hit => (hit.NormId, hit.Language));
                var actual = memory.Search(new SearchQuery(question) { Top = k }).Select(hit => (hit.NormId, hit.Language));
                differing += expected.SequenceEqual(actual) ? 0 : 1;
            }

            var samples = (Fts5: new LatencySample(), Memory: new LatencySample());
            for (var pass = 0; pass < parse.GetValue(repeat); pass++)
            {
                foreach (var question in questions)
                {
                    var query = new SearchQuery(question) { Top = k };
                    if (pass % 2 == 0)
                    {
                        Time(fts5, query, samples.Fts5);
                        Time(memory, query, samples.Memory);
                    }
                    else
                    {
                        Time(memory, query, samples.Memory);
                        Time(fts5, query, samples.Fts5);
                    }
                }
            }

            var stats = memory.GetStats();
            var index = memory.LexicalIndex;
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"catalog: {stats.Total.Acts} acts, {stats.Total.TopLevelNorms} top-level norms; {questions.Count} questions x {parse.GetValue(repeat)} passes"));
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"in-memory index: {index.Norms} norms, {index.Terms} terms, built in {built.TotalSeconds:F1} s; same top {k} as FTS5 for {questions.Count - differing} of {questions.Count} questions"));
            Print("fts5", samples.Fts5);
            Print("memory", samples.Memory);
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"searches={samples.Memory.Count} search_p50_ms={samples.Memory.Percentile(50):F2} search_p95_ms={samples.Memory.Percentile(95):F2} fts5_p50_ms={samples.Fts5.Percentile(50):F2} fts5_p95_ms={samples.Fts5.Percentile(95):F2} speedup_p50={samples.Fts5.Percentile(50) / samples.Memory.Percentile(50):F1}"));
            return differing == 0 ? 0 : 1;
        });
        return command;
    }

    private static void Time(LegalCatalog catalog, SearchQuery query, LatencySample sample)
    {
        var stopwatch = Stopwatch.StartNew();
        catalog.Search(query);
        sample.Add(stopwatch.Elapsed);
    }

    private static void Print(string label, LatencySample sample) =>
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label,-7} p50 {sample.Percentile(50),7:F2} ms  p95 {sample.Percentile(95),7:F2} ms  p99 {sample.Percentile(99),7:F2} ms  max {sample.Percentile(100),7:F2} ms"));
}
