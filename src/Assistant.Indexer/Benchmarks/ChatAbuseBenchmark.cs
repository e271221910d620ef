using System.Diagnostics;
using System.Globalization;
using Assistant.Core.Access;

namespace Assistant.Indexer.Benchmarks;

/// <summary>
/// <c>bench api --chat</c>: whether one abusive deputy can slow everyone else's chat. Normal deputies ask at a steady
/// pace, first alone (baseline), then while one more deputy fires bursts of chat calls as fast as it can (abuse);
/// rounds alternate the two phases, so that both meet the same machine load. The normal deputies' latency is pooled
/// per phase over the rounds; the abuser's calls are counted served or refused (429, with or without Retry-After).
/// Last line: chat_p50_ms_baseline=… chat_p95_ms_baseline=… chat_p50_ms_abuse=… chat_p95_ms_abuse=… p95_ratio=…
/// abuser_calls=… abuser_served=… abuser_429=… abuser_retry_after=….
/// </summary>
internal static class ChatAbuseBenchmark
{
    /// <param name="Pace">A normal deputy's time from one question to the next; over the run it must stay within a deputy's bucket, or they are refused too.</param>
    /// <param name="Burst">Abuser's calls per burst.</param>
    /// <param name="BurstEvery">From one burst's start to the next's.</param>
    /// <param name="AbuserConnections">Calls of a burst in flight at once.</param>
    public sealed record Plan(string[] Questions, int Users, int Rounds, TimeSpan Phase, TimeSpan Pace, int Burst, TimeSpan BurstEvery, int AbuserConnections);

    public static async Task RunAsync(Uri baseAddress, Plan plan, Func<string, AccessRole, string> issue, CancellationToken cancellationToken)
    {
        using var calls = new ApiCalls(baseAddress, plan.Users + plan.AbuserConnections);
        var users = Enumerable.Range(1, plan.Users).Select(i => issue(string.Create(CultureInfo.InvariantCulture, $"bench.deputy{i:00}"), AccessRole.Deputy)).ToArray();
        var abuser = issue("bench.abuser", AccessRole.Deputy);

        // Untimed: the first answers pay for cold caches and JIT. A user of its own, so that no one's bucket is spent.
        var warmUp = issue("bench.warmup", AccessRole.Admin);
        foreach (var question in plan.Questions.Take(5))
        {
            await calls.ChatAsync(warmUp, question, cancellationToken);
        }

        var baseline = new ChatTally();
        var abused = new ChatTally();
        var attack = new ChatTally();
        var bursts = new List<TimeSpan>();
        for (var round = 1; round <= plan.Rounds; round++)
        {
            var alone = await PhaseAsync(calls, plan, users, cancellationToken);
            Print(round, "baseline", alone);
            baseline.Add(alone);
            var phase = PhaseAsync(calls, plan, users, cancellationToken);
            await Task.WhenAll(phase, AbuserAsync(calls, plan, abuser, attack, bursts, cancellationToken));
            Print(round, "abuse", await phase);
            abused.Add(await phase);
        }

        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"abuser bursts={bursts.Count} burst_ms_median={Median(bursts):F0} calls={attack.Calls} served={attack.Served} throttled={attack.Throttled} retry_after={attack.RetryAfter} busy={attack.Busy} errors={attack.Errors}"));
        Print(0, "baseline", baseline);
        Print(0, "abuse", abused);
        var ratio = abused.Latency.Percentile(95) / baseline.Latency.Percentile(95);
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"chat_p50_ms_baseline={baseline.Latency.Percentile(50):F1} chat_p95_ms_baseline={baseline.Latency.Percentile(95):F1} chat_p50_ms_abuse={abused.Latency.Percentile(50):F1} chat_p95_ms_abuse={abused.Latency.Percentile(95):F1} p95_ratio={ratio:F2} abuser_calls={attack.Calls} abuser_served={attack.Served} abuser_429={attack.Throttled} abuser_retry_after={attack.RetryAfter}"));
    }

    // Round 0: the phase's calls over all rounds.
    private static void Print(int round, string phase, ChatTally users) => Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{(round == 0 ? "all" : $"round={round}")} phase={phase} calls={users.Calls} served={users.Served} throttled={users.Throttled} busy={users.Busy} errors={users.Errors} p50_ms={users.Latency.Percentile(50):F1} p95_ms={users.Latency.Percentile(95):F1} p99_ms={users.Latency.Percentile(99):F1}"));

    private static async Task<ChatTally> PhaseAsync(ApiCalls calls, Plan plan, string[] users, CancellationToken cancellationToken)
    {
        var tally = new ChatTally();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(users.Select((token, i) => PacedUserAsync(calls, plan, token, i, clock, tally, cancellationToken)));
        return tally;
    }

    // Each user starts at its own offset within the pace, so that the calls spread over time instead of coming in waves.
    private static async Task PacedUserAsync(ApiCalls calls, Plan plan, string token, int index, Stopwatch clock, ChatTally tally, CancellationToken cancellationToken)
    {
        var next = plan.Pace * index / plan.Users;
        for (var call = 0; next < plan.Phase; call++, next += plan.Pace)
        {
            await DelayUntilAsync(clock, next, cancellationToken);
            tally.Add(await calls.ChatAsync(token, plan.Questions[(index + call) % plan.Questions.Length], cancellationToken));
        }
    }

    private static async Task AbuserAsync(ApiCalls calls, Plan plan, string token, ChatTally tally, List<TimeSpan> bursts, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        for (var start = TimeSpan.Zero; start < plan.Phase; start += plan.BurstEvery)
        {
            await DelayUntilAsync(clock, start, cancellationToken);
            var began = Stopwatch.GetTimestamp();
            await Parallel.ForEachAsync(
                Enumerable.Range(0, plan.Burst),
                new ParallelOptions { MaxDegreeOfParallelism = plan.AbuserConnections, CancellationToken = cancellationToken },
                async (call, stopping) => tally.Add(await calls.ChatAsync(token, plan.Questions[call % plan.Questions.Length], stopping)));
            bursts.Add(Stopwatch.GetElapsedTime(began));
        }
    }

    private static double Median(List<TimeSpan> spans) => spans.Count == 0 ? double.NaN : spans.Select(s => s.TotalMilliseconds).Order().ElementAt(spans.Count / 2);

    private static Task DelayUntilAsync(Stopwatch clock, TimeSpan at, CancellationToken cancellationToken)
    {
        var wait = at - clock.Elapsed;
        return wait > TimeSpan.Zero ? Task.Delay(wait, cancellationToken) : Task.CompletedTask;
    }

}

/// <summary>Chat calls counted by outcome, with the latency of those served.</summary>
internal sealed class ChatTally
{
    private readonly Lock _gate = new();

    public LatencySample Latency { get; } = new();

    public int Calls { get; private set; }

    public int Served { get; private set; }

    public int Throttled { get; private set; }

    /// <summary>Refusals that carried Retry-After.</summary>
    public int RetryAfter { get; private set; }

    /// <summary>503: the model's queue was full.</summary>
    public int Busy { get; private set; }

    public int Errors { get; private set; }

    /// <summary>Adds another tally's calls, e.g. one round's to the whole run's.</summary>
    public void Add(ChatTally other)
    {
        lock (_gate)
        {
            Latency.Add(other.Latency);
            Calls += other.Calls;
            Served += other.Served;
            Throttled += other.Throttled;
            RetryAfter += other.RetryAfter;
            Busy += other.Busy;
            Errors += other.Errors;
        }
    }

    public void Add(CallOutcome outcome)
    {
        lock (_gate)
        {
            Calls++;
            if (outcome.Served)
            {
                Served++;
                Latency.Add(outcome.Elapsed);
            }
            else if (outcome.Throttled)
            {
                Throttled++;
            }
            else if (outcome.Status == System.Net.HttpStatusCode.ServiceUnavailable)
            {
                Busy++;
            }
            else
            {
                Errors++;
            }

            RetryAfter += !outcome.Served && outcome.RetryAfter ? 1 : 0;
        }
    }
}
