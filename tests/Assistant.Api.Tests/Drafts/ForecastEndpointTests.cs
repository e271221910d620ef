using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Assistant.Api.Tests.Hosting;
using Assistant.Core.Access;
using Assistant.Core.Forecasts;
using Assistant.Storage.Drafts;
using Assistant.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Assistant.Api.Tests.Drafts;

/// <summary>
/// POST /v1/drafts/{id}/forecasts and /v1/forecasts/{id}…: a forecast is a job that is queued, followed as
/// Server-Sent Events, served as JSON, HTML and Word, audited, and kept across restarts of the service.
/// </summary>
public sealed class ForecastEndpointTests : IClassFixture<TestCatalog>, IDisposable
{
    private const string Draft = """
        О внесении изменений в Трудовой кодекс Республики Казахстан

        Статья 1. Внести в Трудовой кодекс Республики Казахстан от 23 ноября 2015 года следующие изменения:
        1) дополнить статьей 16-7 следующего содержания:
        «Статья 16-7. Квантовая телепортация работников
        Квантовая телепортация работников осуществляется в порядке, определяемом уполномоченным органом.»;
        2) статью 9999 исключить;

        Статья 2. Настоящий Закон вводится в действие по истечении десяти календарных дней.
        """;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private readonly string _catalog;
    private readonly List<ApiHost> _hosts = [];

    public ForecastEndpointTests(TestCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _catalog = catalog.Copy();
    }

    [SharedFact]
    public async Task An_expert_queues_a_forecast_follows_its_steps_and_reads_it_as_json_html_and_word()
    {
        using var client = Start().ClientAs(AccessRole.Expert, "expert.aigerim");
        var draftId = await SubmitDraftAsync(client);

        using var queued = await client.PostAsync(new Uri($"/v1/drafts/{draftId}/forecasts", UriKind.Relative), null);
        var job = await queued.Content.ReadFromJsonAsync<JsonElement>();
        var id = job.GetProperty("id").GetString()!;
        var events = await FollowAsync(client, id);
        var result = await client.GetFromJsonAsync<JsonElement>(queued.Headers.Location);
        using var html = await client.GetAsync(new Uri($"/v1/forecasts/{id}/report.html", UriKind.Relative));
        using var docx = await client.GetAsync(new Uri($"/v1/forecasts/{id}/report.docx", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Accepted, queued.StatusCode);
        Assert.Equal($"/v1/forecasts/{id}", queued.Headers.Location?.OriginalString);
        Assert.Equal(("queued", draftId, "expert.aigerim"), (job.GetProperty("status").GetString(), job.GetProperty("draftId").GetString(), job.GetProperty("requestedBy").GetString()));
        Assert.Equal("succeeded", events[^1].Type);
        var stages = events.Where(e => e.Type == "running" && e.Data.TryGetProperty("stage", out _)).Select(e => e.Data.GetProperty("stage").GetString()!)
            .Select(stage => Enum.Parse<ForecastStage>(stage, ignoreCase: true)).ToList();
        Assert.Equal(Enum.GetValues<ForecastStage>().Where(s => s != ForecastStage.Narrative), stages);
        Assert.Equal("succeeded", result.GetProperty("status").GetString());
        Assert.Equal(stages, result.GetProperty("stages").EnumerateArray().Select(s => Enum.Parse<ForecastStage>(s.GetProperty("stage").GetString()!, ignoreCase: true)));
        var forecast = result.GetProperty("forecast");
        Assert.Contains(forecast.GetProperty("affected").EnumerateArray(), a => a.GetProperty("id").GetString() == "K1500000414/art:16-7" && a.GetProperty("change").GetString() == "added");
        Assert.Contains(forecast.GetProperty("findings").EnumerateArray(), f => f.GetProperty("rule").GetString() == "nonexistent-target");
        Assert.Contains(forecast.GetProperty("followUps").EnumerateArray(), f => f.GetProperty("body").GetString() == "уполномоченным органом");
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Квантовая телепортация", await html.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType?.MediaType);
        Assert.Equal("PK"u8.ToArray(), (await docx.Content.ReadAsByteArrayAsync())[..2]);
    }

    [SharedFact]
    public async Task Following_a_forecast_after_it_has_finished_still_shows_every_step_it_took()
    {
        using var client = Start().ClientAs(AccessRole.Expert);
        var id = await QueueAsync(client, await SubmitDraftAsync(client));
        await FollowAsync(client, id);

        var late = await FollowAsync(client, id);

        Assert.Equal(
            [.. Enum.GetValues<ForecastStage>().Where(s => s != ForecastStage.Narrative).Select(s => ("running", s.ToString().ToLowerInvariant())), ("succeeded", "reports")],
            late.Select(e => (e.Type, e.Data.GetProperty("stage").GetString())));
    }

    [SharedFact]
    public async Task Every_forecast_is_in_the_audit_trail_with_the_norms_it_affects()
    {
        var host = Start();
        using var expert = host.ClientAs(AccessRole.Expert, "expert.audited");
        var draftId = await SubmitDraftAsync(expert);
        var id = await QueueAsync(expert, draftId);
        await FollowAsync(expert, id);
        using var admin = host.ClientAs(AccessRole.Admin);

        var export = await admin.GetStringAsync(new Uri("/v1/audit", UriKind.Relative));

        var entry = export.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.GetProperty("entry"))
            .Single(e => e.GetProperty("question").GetString()!.StartsWith($"Forecast {id} of draft {draftId}", StringComparison.Ordinal));
        Assert.Equal(("expert.audited", "expert"), (entry.GetProperty("user").GetString(), entry.GetProperty("role").GetString()));
        Assert.Contains("K1500000414/art:16-7", entry.GetProperty("sources").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(64, entry.GetProperty("answerSha256").GetString()!.Length);
    }

    [SharedFact]
    public async Task A_finished_forecast_is_still_served_after_the_service_restarts()
    {
        string id;
        var first = Start();
        using (var client = first.ClientAs(AccessRole.Expert))
        {
            id = await QueueAsync(client, await SubmitDraftAsync(client));
            await FollowAsync(client, id);
        }

        await StopAsync(first);
        using var again = Start().ClientAs(AccessRole.Admin);

        var result = await again.GetFromJsonAsync<JsonElement>(new Uri($"/v1/forecasts/{id}", UriKind.Relative));
        using var html = await again.GetAsync(new Uri($"/v1/forecasts/{id}/report.html", UriKind.Relative));

        Assert.Equal("succeeded", result.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
    }

    [SharedFact]
    public async Task Jobs_left_queued_or_running_by_a_stopped_service_run_when_it_starts_again()
    {
        var first = Start();
        string draftId;
        using (var client = first.ClientAs(AccessRole.Expert))
        {
            draftId = await SubmitDraftAsync(client);
        }

        await StopAsync(first);
        string queued, interrupted;
        using (var store = ForecastJobStore.Open(_catalog))
        {
            interrupted = (await store.AddAsync(new ForecastRequest(draftId, null, null, null), "expert", "expert", CancellationToken.None)).Id;
            queued = (await store.AddAsync(new ForecastRequest(draftId, null, null, null), "expert", "expert", CancellationToken.None)).Id;
            await store.TryStartAsync(interrupted, CancellationToken.None);
            await store.MarkStageAsync(interrupted, ForecastStage.Dependents, CancellationToken.None);
        }

        SqliteConnection.ClearAllPools();
        using var again = Start().ClientAs(AccessRole.Expert);

        Assert.Equal("succeeded", (await FollowAsync(again, interrupted))[^1].Type);
        Assert.Equal("succeeded", (await FollowAsync(again, queued))[^1].Type);
    }

    [SharedFact]
    public async Task With_one_forecast_at_a_time_a_second_job_starts_only_once_the_first_has_finished()
    {
        using var client = Start(new() { ["Forecasts:MaxConcurrent"] = "1" }).ClientAs(AccessRole.Expert);
        var draftId = await SubmitDraftAsync(client);
        var ids = new[] { await QueueAsync(client, draftId), await QueueAsync(client, draftId) };

        var jobs = new List<JsonElement>();
        foreach (var id in ids)
        {
            await FollowAsync(client, id);
            jobs.Add(await client.GetFromJsonAsync<JsonElement>(new Uri($"/v1/forecasts/{id}", UriKind.Relative)));
        }

        var runs = jobs.Select(j => (Start: j.GetProperty("startedAt").GetDateTimeOffset(), End: j.GetProperty("finishedAt").GetDateTimeOffset())).OrderBy(r => r.Start).ToList();
        Assert.True(runs[1].Start >= runs[0].End, $"the second run started at {runs[1].Start:O}, before the first ended at {runs[0].End:O}");
    }

    [SharedFact]
    public async Task With_a_chat_model_the_forecast_has_an_ai_written_narrative_citing_only_its_findings()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Llm:ModelPath"] = SharedData.Path("models", "stories260K.gguf"),
            ["Llm:ContextSize"] = "8192",
            ["Llm:Parallel"] = "1",
            ["Llm:Threads"] = "1",
        };
        using var client = Start(settings).ClientAs(AccessRole.Expert);
        var id = await QueueAsync(client, await SubmitDraftAsync(client));

        var events = await FollowAsync(client, id);
        var result = await client.GetFromJsonAsync<JsonElement>(new Uri($"/v1/forecasts/{id}", UriKind.Relative));

        Assert.Contains(events, e => e.Type == "running" && e.Data.TryGetProperty("stage", out var stage) && stage.GetString() == "narrative");
        var forecast = result.GetProperty("forecast");
        var narrative = forecast.GetProperty("narrative");
        Assert.True(narrative.GetProperty("present").GetBoolean(), narrative.ToString());
        Assert.True(narrative.GetProperty("aiGenerated").GetBoolean());
        Assert.Equal("stories260K", narrative.GetProperty("model").GetString());
        Assert.True(narrative.GetProperty("usage").GetProperty("outputTokens").GetInt64() > 0);
        var findings = forecast.GetProperty("affected").GetArrayLength() + forecast.GetProperty("brokenReferences").GetArrayLength() + forecast.GetProperty("dependents").GetArrayLength()
            + forecast.GetProperty("terms").GetArrayLength() + forecast.GetProperty("findings").GetArrayLength() + forecast.GetProperty("followUps").GetArrayLength();
        Assert.All(
            narrative.GetProperty("items").EnumerateArray().SelectMany(i => i.GetProperty("cites").EnumerateArray()),
            cite => Assert.InRange(cite.GetProperty("number").GetInt32(), 1, findings));
    }

    [Fact]
    public async Task A_job_that_cannot_run_fails_with_its_reason_and_has_no_report()
    {
        string id;
        using (var store = ForecastJobStore.Open(_catalog))
        {
            id = (await store.AddAsync(new ForecastRequest("no-such-draft", null, null, null), "expert", "expert", CancellationToken.None)).Id;
        }

        SqliteConnection.ClearAllPools();
        using var client = Start().ClientAs(AccessRole.Expert);

        var events = await FollowAsync(client, id);
        using var report = await client.GetAsync(new Uri($"/v1/forecasts/{id}/report.docx", UriKind.Relative));

        Assert.Equal("failed", events[^1].Type);
        Assert.Contains("'no-such-draft' is not in the store", events[^1].Data.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, report.StatusCode);
        Assert.Contains("no-such-draft", await report.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deputy_may_not_ask_for_or_read_forecasts()
    {
        using var deputy = Start().ClientAs(AccessRole.Deputy);

        using var submit = await deputy.PostAsync(new Uri("/v1/drafts/any/forecasts", UriKind.Relative), null);
        using var read = await deputy.GetAsync(new Uri("/v1/forecasts/any", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, submit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
    }

    [Theory]
    [InlineData("/v1/forecasts/nope")]
    [InlineData("/v1/forecasts/nope/events")]
    [InlineData("/v1/forecasts/nope/report.html")]
    [InlineData("/v1/forecasts/nope/report.docx")]
    public async Task An_unknown_forecast_is_not_found(string path)
    {
        using var client = Start().ClientAs(AccessRole.Expert);

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("'nope'", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [SharedFact]
    public async Task A_forecast_request_that_names_what_does_not_fit_is_refused_by_parameter()
    {
        using var client = Start().ClientAs(AccessRole.Expert);
        var draftId = await SubmitDraftAsync(client);

        using var unknownDraft = await client.PostAsync(new Uri("/v1/drafts/nope/forecasts", UriKind.Relative), null);
        using var badLanguage = await client.PostAsJsonAsync(new Uri($"/v1/drafts/{draftId}/forecasts", UriKind.Relative), new { editionLang = "en" });
        using var sameLanguageTwin = await client.PostAsJsonAsync(new Uri($"/v1/drafts/{draftId}/forecasts", UriKind.Relative), new { twinDraftId = draftId });

        Assert.Equal(HttpStatusCode.NotFound, unknownDraft.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badLanguage.StatusCode);
        Assert.Equal("editionLang", (await badLanguage.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("parameter").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, sameLanguageTwin.StatusCode);
        Assert.Equal("twinDraftId", (await sameLanguageTwin.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("parameter").GetString());
    }

    public void Dispose()
    {
        foreach (var host in _hosts)
        {
            host.Dispose();
        }

        SqliteConnection.ClearAllPools();
    }

    private ApiHost Start(Dictionary<string, string?>? settings = null)
    {
        var host = new ApiHost(_catalog, settings ?? []);
        _hosts.Add(host);
        return host;
    }

    private async Task StopAsync(ApiHost host)
    {
        _hosts.Remove(host);
        await host.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }

    private static async Task<string> SubmitDraftAsync(HttpClient client)
    {
        using var created = await client.PostAsJsonAsync(new Uri("/v1/drafts", UriKind.Relative), new { text = Draft });
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static async Task<string> QueueAsync(HttpClient client, string draftId)
    {
        using var queued = await client.PostAsync(new Uri($"/v1/drafts/{draftId}/forecasts", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Accepted, queued.StatusCode);
        return (await queued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>The job's event stream, read until the server ends it, which it does once the job has finished.</summary>
    private static async Task<List<SseEvent>> FollowAsync(HttpClient client, string id)
    {
        using var timeout = new CancellationTokenSource(Patience);
        using var response = await client.GetAsync(new Uri($"/v1/forecasts/{id}/events", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var events = new List<SseEvent>();
        await foreach (var item in SseReader.ReadAsync(response, timeout.Token))
        {
            events.Add(item);
        }

        return events;
    }
}
