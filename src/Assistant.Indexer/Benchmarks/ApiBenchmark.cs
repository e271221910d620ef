using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Assistant.Core.Evaluation;
using Assistant.Indexer.Commands;

namespace Assistant.Indexer.Benchmarks;

/// <summary>
/// <c>bench api</c>: a bounded load generator for a running API on loopback. Each of N clients posts the eval
/// questions to /v1/search in turn until it has sent its share of requests; latency percentiles per concurrency.
/// Last line: search_p50_ms_c16=… search_p95_ms_c16=… search_p50_ms_c64=… search_p95_ms_c64=….
/// </summary>
internal static class ApiBenchmark
{
    public static Command Create()
    {
        var url = new Option<string>("--url") { DefaultValueFactory = _ => "http://127.0.0.1:5080", Description = "Base address of the running API (loopback only)" };
        var queries = new Option<string[]>("--queries") { Required = true, AllowMultipleArgumentsPerToken = true, Description = "JSONL question files (eval format)" };
        var clients = new Option<string>("--clients") { DefaultValueFactory = _ => "16,64", Description = "Comma-separated concurrent client counts" };
        var requests = new Option<int>("--requests") { DefaultValueFactory = _ => 2_000, Description = "Requests per concurrency level (bounded load)" };
        var command = new Command("api", "Search latency of a running API under concurrent clients") { url, queries, clients, requests };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!Uri.TryCreate(parse.GetRequiredValue(url), UriKind.Absolute, out var baseAddress))
            {
                throw new CommandException($"--url '{parse.GetRequiredValue(url)}' is not an absolute address such as http://127.0.0.1:5080.");
            }

            if (!baseAddress.IsLoopback)
            {
                throw new CommandException($"bench api only loads an API on this machine; {baseAddress} is not a loopback address.");
            }

            var questions = parse.GetRequiredValue(queries).SelectMany(EvalQuery.ReadAll).Select(q => q.Question).ToArray();
            if (questions.Length == 0)
            {
                throw new CommandException("The query files hold no questions.");
            }

            var levels = parse.GetRequiredValue(clients).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(value => int.Parse(value, CultureInfo.InvariantCulture)).ToArray();
            var figures = new List<string>();
            foreach (var level in levels)
            {
                var sample = await RunAsync(baseAddress, questions, level, parse.GetValue(requests), cancellationToken);
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"clients={level} requests={sample.Latency.Count} errors={sample.Errors} rps={sample.Latency.Count / sample.Elapsed.TotalSeconds:F0} p50_ms={sample.Latency.Percentile(50):F1} p95_ms={sample.Latency.Percentile(95):F1} p99_ms={sample.Latency.Percentile(99):F1}"));
                figures.Add(string.Create(CultureInfo.InvariantCulture, $"search_p50_ms_c{level}={sample.Latency.Percentile(50):F1} search_p95_ms_c{level}={sample.Latency.Percentile(95):F1}"));
            }

            Console.Out.WriteLine(string.Join(' ', figures));
            return 0;
        });
        return command;
    }

    private static async Task<LoadResult> RunAsync(Uri baseAddress, string[] questions, int clients, int requests, CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        using var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var search = new Uri("/v1/search", UriKind.Relative);

        // Warm-up: every question once, so that the first timed requests do not pay for cold caches.
        foreach (var question in questions)
        {
            using var warm = await http.PostAsJsonAsync(search, new { query = question, top = 10 }, cancellationToken);
        }

        var sample = new LatencySample();
        var errors = 0;
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < requests)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await http.PostAsJsonAsync(search, new { query = questions[index % questions.Length], top = 10 }, cancellationToken);
                await response.Content.LoadIntoBufferAsync(cancellationToken);
                var elapsed = Stopwatch.GetElapsedTime(started);
                lock (sample)
                {
                    sample.Add(elapsed);
                    errors += response.IsSuccessStatusCode ? 0 : 1;
                }
            }
        }));
        return new LoadResult(sample, errors, clock.Elapsed);
    }

    private sealed record LoadResult(LatencySample Latency, int Errors, TimeSpan Elapsed);
}
