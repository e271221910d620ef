using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Assistant.Core.Access;
using Assistant.Core.Evaluation;
using Assistant.Indexer.Commands;

namespace Assistant.Indexer.Benchmarks;

/// <summary>
/// <c>bench api</c>: a bounded load generator for a running API on loopback. Each of N clients posts the eval
/// questions to /v1/search in turn until it has sent its share of requests; latency percentiles per concurrency.
/// Last line: search_p50_ms_c16=… search_p95_ms_c16=… search_p50_ms_c64=… search_p95_ms_c64=….
/// <c>--chat</c> measures one abusive deputy against normal ones (<see cref="ChatAbuseBenchmark"/>), <c>--soak</c>
/// a long mixed load (<see cref="SoakBenchmark"/>); both sign their users' tokens with the API's key.
/// </summary>
internal static class ApiBenchmark
{
    public static Command Create(CommandContext context)
    {
        var url = new Option<string>("--url") { DefaultValueFactory = _ => "http://127.0.0.1:5080", Description = "Base address of the running API (loopback only)" };
        var queries = new Option<string[]>("--queries") { Required = true, AllowMultipleArgumentsPerToken = true, Description = "JSONL question files (eval format)" };
        var clients = new Option<string>("--clients") { DefaultValueFactory = _ => "16,64", Description = "Comma-separated concurrent client counts (--soak: the largest)" };
        var requests = new Option<int>("--requests") { DefaultValueFactory = _ => 2_000, Description = "Requests per concurrency level (bounded load)" };
        var chat = new Option<bool>("--chat") { Description = "Chat under abuse: normal deputies' latency without and with one deputy firing bursts of chat calls" };
        var users = new Option<int>("--users") { DefaultValueFactory = _ => 16, Description = "--chat: normal deputies" };
        var rounds = new Option<int>("--rounds") { DefaultValueFactory = _ => 4, Description = "--chat: rounds of a baseline phase then an abuse phase" };
        var phase = new Option<string>("--phase") { DefaultValueFactory = _ => "20s", Description = "--chat: length of each baseline and abuse phase" };
        var pace = new Option<string>("--pace") { DefaultValueFactory = _ => "10s", Description = "--chat: a normal deputy's time from one question to the next (within a deputy's chat bucket over the run)" };
        var burst = new Option<int>("--burst") { DefaultValueFactory = _ => 200, Description = "--chat: the abuser's calls per burst" };
        var burstEvery = new Option<string>("--burst-every") { DefaultValueFactory = _ => "5s", Description = "--chat: from one burst's start to the next's" };
        var abuserConnections = new Option<int>("--abuser-connections") { DefaultValueFactory = _ => 8, Description = "--chat: the abuser's calls in flight at once" };
        var soak = new Option<string?>("--soak") { Description = "Soak for this long (e.g. 2m, 10m): search, norm reads and chat from --clients clients" };
        var chatEvery = new Option<string>("--chat-every") { DefaultValueFactory = _ => "20s", Description = "--soak: each client's pace of chat turns" };
        var pid = new Option<int?>("--pid") { Description = "--soak: the API's process id, whose resident memory is sampled" };
        var key = new Option<string?>("--key") { Description = "Signing key for --chat and --soak tokens (default: Auth:SigningKey / RAGLEGAL_Auth__SigningKey)" };
        var command = new Command("api", "Search latency of a running API under concurrent clients; --chat: chat under one abusive user; --soak: a long mixed load")
        {
            url, queries, clients, requests, chat, users, rounds, phase, pace, burst, burstEvery, abuserConnections, soak, chatEvery, pid, key,
        };
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
            if (parse.GetValue(chat) || parse.GetValue(soak) is not null)
            {
                var (signingKey, tokenOptions) = TokenCommand.Signing(context, parse.GetValue(key));
                string Issue(string name, AccessRole role) => AccessToken.Issue(signingKey, name, role, DateTimeOffset.UtcNow, TimeSpan.FromDays(1), tokenOptions);
                if (parse.GetValue(soak) is { } duration)
                {
                    var plan = new SoakBenchmark.Plan(questions, levels.Max(), BenchDuration.Parse(duration, "--soak"), BenchDuration.Parse(parse.GetRequiredValue(chatEvery), "--chat-every"), parse.GetValue(pid));
                    await SoakBenchmark.RunAsync(baseAddress, plan, Issue, cancellationToken);
                }
                else
                {
                    var plan = new ChatAbuseBenchmark.Plan(
                        questions,
                        Positive(parse.GetValue(users), "--users"),
                        Positive(parse.GetValue(rounds), "--rounds"),
                        BenchDuration.Parse(parse.GetRequiredValue(phase), "--phase"),
                        BenchDuration.Parse(parse.GetRequiredValue(pace), "--pace"),
                        Positive(parse.GetValue(burst), "--burst"),
                        BenchDuration.Parse(parse.GetRequiredValue(burstEvery), "--burst-every"),
                        Positive(parse.GetValue(abuserConnections), "--abuser-connections"));
                    await ChatAbuseBenchmark.RunAsync(baseAddress, plan, Issue, cancellationToken);
                }

                return 0;
            }

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

    private static int Positive(int value, string option) => value > 0 ? value : throw new CommandException($"{option} is {value}; it must be at least 1.");

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
