using System.Diagnostics;
using System.Globalization;
using Assistant.Core.Access;

namespace Assistant.Indexer.Benchmarks;

/// <summary>
/// <c>bench api --soak &lt;duration&gt;</c>: N clients on loopback for that long, each searching, reading norms it found
/// and, at a person's pace, asking the chat as a deputy of its own; counts 5xx and requests/s, and samples the API
/// process's resident memory (--pid) at the start, the middle and the end, to show it stays flat. Last line:
/// soak_requests=… soak_rps=… soak_5xx=… soak_429=… rss_mb_start=… rss_mb_middle=… rss_mb_end=….
/// </summary>
internal static class SoakBenchmark
{
    /// <param name="ChatEvery">Each client's chat pace; under a deputy's sustained chat rate, so that chat is served, not refused.</param>
    public sealed record Plan(string[] Questions, int Clients, TimeSpan Duration, TimeSpan ChatEvery, int? Pid);

    public static async Task RunAsync(Uri baseAddress, Plan plan, Func<string, AccessRole, string> issue, CancellationToken cancellationToken)
    {
        using var calls = new ApiCalls(baseAddress, plan.Clients);
        using var memory = ProcessMemory.Of(plan.Pid);
        var norms = new List<string>();
        foreach (var question in plan.Questions)
        {
            norms.AddRange(await calls.FindNormsAsync(question, cancellationToken));
        }

        if (norms.Count == 0)
        {
            throw new Commands.CommandException("The searches found no norms to read: is the API's catalog empty, or its public rate limit too low?");
        }

        var tokens = Enumerable.Range(1, plan.Clients).Select(i => issue(string.Create(CultureInfo.InvariantCulture, $"bench.soak{i:00}"), AccessRole.Deputy)).ToArray();
        var tally = new SoakTally();
        var samples = new List<(string Label, double? Megabytes)> { ("start", memory.Megabytes()) };
        var clock = Stopwatch.StartNew();
        var load = Task.WhenAll(tokens.Select((token, i) => ClientAsync(calls, plan, norms, token, i, clock, tally, cancellationToken)));
        await Task.Delay(plan.Duration / 2, cancellationToken);
        samples.Add(("middle", memory.Megabytes()));
        await load;
        samples.Add(("end", memory.Megabytes()));
        var elapsed = clock.Elapsed;

        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"soak clients={plan.Clients} seconds={elapsed.TotalSeconds:F0} requests={tally.Requests} rps={tally.Requests / elapsed.TotalSeconds:F0} search={tally.Searches} norms={tally.Norms} chat={tally.Chats} chat_served={tally.ChatsServed} 5xx={tally.ServerErrors} 429={tally.Throttled} other_errors={tally.OtherErrors}"));
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"latency search_p95_ms={tally.Search.Percentile(95):F1} norm_p95_ms={tally.Norm.Percentile(95):F1} chat_p95_ms={tally.Chat.Percentile(95):F1}"));
        Console.Out.WriteLine("memory " + string.Join(' ', samples.Select(s => $"{s.Label}_mb={Figure(s.Megabytes)}")));
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"soak_requests={tally.Requests} soak_rps={tally.Requests / elapsed.TotalSeconds:F0} soak_5xx={tally.ServerErrors} soak_429={tally.Throttled} ")
            + string.Join(' ', samples.Select(s => $"rss_mb_{s.Label}={Figure(s.Megabytes)}")));
    }

    private static string Figure(double? megabytes) => megabytes?.ToString("F0", CultureInfo.InvariantCulture) ?? "n/a";

    // Search, then read two of the norms found so far; a chat turn whenever this client's pace says one is due.
    private static async Task ClientAsync(ApiCalls calls, Plan plan, List<string> norms, string token, int index, Stopwatch clock, SoakTally tally, CancellationToken cancellationToken)
    {
        var nextChat = plan.ChatEvery * index / plan.Clients;
        for (var step = index; clock.Elapsed < plan.Duration; step++)
        {
            if (clock.Elapsed >= nextChat)
            {
                tally.AddChat(await calls.ChatAsync(token, plan.Questions[step % plan.Questions.Length], cancellationToken));
                nextChat += plan.ChatEvery;
                continue;
            }

            tally.AddSearch(await calls.SearchAsync(plan.Questions[step % plan.Questions.Length], cancellationToken));
            tally.AddNorm(await calls.NormAsync(norms[(step * 7) % norms.Count], cancellationToken));
            tally.AddNorm(await calls.NormAsync(norms[(step * 13 + 1) % norms.Count], cancellationToken));
        }
    }

    private sealed class SoakTally
    {
        private readonly Lock _gate = new();

        public LatencySample Search { get; } = new();

        public LatencySample Norm { get; } = new();

        public LatencySample Chat { get; } = new();

        public int Requests { get; private set; }

        public int Searches { get; private set; }

        public int Norms { get; private set; }

        public int Chats { get; private set; }

        public int ChatsServed { get; private set; }

        public int ServerErrors { get; private set; }

        public int Throttled { get; private set; }

        public int OtherErrors { get; private set; }

        public void AddSearch(CallOutcome outcome) => Add(outcome, Search, () => Searches++);

        public void AddNorm(CallOutcome outcome) => Add(outcome, Norm, () => Norms++);

        public void AddChat(CallOutcome outcome) => Add(outcome, Chat, () =>
        {
            Chats++;
            ChatsServed += outcome.Served ? 1 : 0;
        });

        private void Add(CallOutcome outcome, LatencySample latency, Action count)
        {
            lock (_gate)
            {
                Requests++;
                count();
                if (outcome.Served)
                {
                    latency.Add(outcome.Elapsed);
                }
                else if (outcome.ServerError)
                {
                    ServerErrors++;
                }
                else if (outcome.Throttled)
                {
                    Throttled++;
                }
                else
                {
                    OtherErrors++;
                }
            }
        }
    }
}
