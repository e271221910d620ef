using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Assistant.Core.Evaluation;
using Assistant.Indexer.Commands;
using Assistant.Storage.Catalog;

namespace Assistant.Indexer.Benchmarks;

/// <summary><c>bench search</c>: lexical search latency over the questions of an eval file.</summary>
internal static class SearchBenchmark
{
    public static Command Create(CommandContext context)
    {
        var queries = new Option<string[]>("--queries") { Required = true, AllowMultipleArgumentsPerToken = true, Description = "JSONL question files (eval format)" };
        var repeat = new Option<int>("--repeat") { DefaultValueFactory = _ => 5, Description = "Timed passes over all questions, after one warm-up pass" };
        var top = CliOptions.Top(10);
        var command = new Command("search", "Search latency p50/p95/p99 over eval questions on the catalog") { queries, repeat, top };
        command.SetAction(parse =>
        {
            var questions = parse.GetRequiredValue(queries).SelectMany(EvalQuery.ReadAll).Select(q => q.Question).ToList();
            if (questions.Count == 0)
            {
                throw new CommandException("The query files hold no questions.");
            }

            using var catalog = context.OpenExistingCatalog(parse);
            var k = parse.GetValue(top);
            foreach (var question in questions)
            {
                catalog.Search(new SearchQuery(question) { Top = k });
            }

            var sample = new LatencySample();
            for (var pass = 0; pass < parse.GetValue(repeat); pass++)
            {
                foreach (var question in questions)
                {
                    var stopwatch = Stopwatch.StartNew();
                    catalog.Search(new SearchQuery(question) { Top = k });
                    sample.Add(stopwatch.Elapsed);
                }
            }

            var stats = catalog.GetStats();
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"catalog: {stats.Total.Acts} acts, {stats.Total.TopLevelNorms} top-level norms; {questions.Count} questions x {parse.GetValue(repeat)} passes"));
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"searches={sample.Count} search_p50_ms={sample.Percentile(50):F2} search_p95_ms={sample.Percentile(95):F2} search_p99_ms={sample.Percentile(99):F2} search_max_ms={sample.Percentile(100):F2}"));
            return 0;
        });
        return command;
    }
}
