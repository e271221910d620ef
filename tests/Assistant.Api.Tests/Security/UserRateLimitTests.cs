using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Assistant.Api.Tests.Chat;
using Assistant.Api.Tests.Hosting;
using Assistant.Core.Access;

namespace Assistant.Api.Tests.Security;

/// <summary>
/// Per-user token buckets on chat and forecasts, by role, over extractive chat. Buckets refill once an hour here, so
/// no refill comes between the calls of a test.
/// </summary>
public sealed class UserRateLimitTests(TestCatalog catalog) : IClassFixture<TestCatalog>
{
    private const string Question = "Какое наказание за кражу чужого имущества?";

    [Fact]
    public async Task A_deputy_over_the_chat_bucket_gets_429_with_retry_after_while_another_deputy_is_still_served()
    {
        using var api = Host(("Chat", "Deputy", 2));
        using var abuser = api.ClientAs(AccessRole.Deputy, "deputy.abuser");
        using var other = api.ClientAs(AccessRole.Deputy, "deputy.other");

        using var first = await ChatTests.PostChatAsync(abuser, Question, stream: false);
        using var second = await ChatTests.PostChatAsync(abuser, Question, stream: false);
        using var refused = await ChatTests.PostChatAsync(abuser, Question, stream: false);
        using var served = await ChatTests.PostChatAsync(other, Question, stream: false);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        var detail = await ProblemResponse.DetailAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.StartsWith("At most 2 chat requests at once, then 1 per 3600 s, are allowed for each deputy; retry in ", detail, StringComparison.Ordinal);
        Assert.InRange(refused.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3600));
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }

    [Fact]
    public async Task The_chat_bucket_comes_from_configuration_by_role()
    {
        using var api = Host(("Chat", "Deputy", 1), ("Chat", "Expert", 3));
        using var deputy = api.ClientAs(AccessRole.Deputy, "deputy.one");
        using var expert = api.ClientAs(AccessRole.Expert, "expert.one");

        var deputyStatuses = await StatusesAsync(deputy, 2);
        var expertStatuses = await StatusesAsync(expert, 4);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.TooManyRequests], deputyStatuses);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], expertStatuses);
    }

    [Fact]
    public async Task Chat_completions_draw_on_the_same_bucket_as_chat_and_refuse_in_openais_shape()
    {
        using var api = Host(("Chat", "Deputy", 1));
        using var deputy = api.ClientAs(AccessRole.Deputy, "deputy.sdk");

        using var chat = await ChatTests.PostChatAsync(deputy, Question, stream: false);
        using var completion = await deputy.PostAsJsonAsync(
            new Uri("/v1/chat/completions", UriKind.Relative),
            new { model = "raglegal", messages = new[] { new { role = "user", content = Question } } });
        using var error = JsonDocument.Parse(await completion.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, chat.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, completion.StatusCode);
        Assert.NotNull(completion.Headers.RetryAfter);
        Assert.Equal("rate_limit_exceeded", error.RootElement.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task An_expert_over_the_forecast_bucket_gets_429_and_may_still_chat()
    {
        using var api = Host(("Forecasts", "Expert", 1));
        using var expert = api.ClientAs(AccessRole.Expert, "expert.forecasts");
        var submit = new Uri("/v1/drafts/no-such-draft/forecasts", UriKind.Relative);

        using var first = await expert.PostAsync(submit, null);
        using var refused = await expert.PostAsync(submit, null);
        using var chat = await ChatTests.PostChatAsync(expert, Question, stream: false);

        Assert.Equal(HttpStatusCode.NotFound, first.StatusCode);
        var detail = await ProblemResponse.DetailAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.StartsWith("At most 1 forecasts at once, then 1 per 3600 s, are allowed for each expert", detail, StringComparison.Ordinal);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, chat.StatusCode);
    }

    [Fact]
    public async Task A_refusal_by_the_chat_bucket_is_worded_in_the_callers_language()
    {
        using var api = Host(("Chat", "Deputy", 1));
        using var deputy = api.ClientAs(AccessRole.Deputy, "deputy.ru");
        deputy.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ru");

        using var served = await ChatTests.PostChatAsync(deputy, Question, stream: false);
        using var refused = await ChatTests.PostChatAsync(deputy, Question, stream: false);

        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        var detail = await ProblemResponse.DetailAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.StartsWith("Допускается не более 1 запросов к чату сразу, затем 1 за 3600 с для каждого депутата; повторите через ", detail, StringComparison.Ordinal);
    }

    private ApiHost Host(params (string Limit, string Role, int TokenLimit)[] buckets)
    {
        var settings = new Dictionary<string, string?> { ["Llm:ModelPath"] = string.Empty };
        foreach (var (limit, role, tokens) in buckets)
        {
            settings[$"RateLimits:{limit}:{role}:TokenLimit"] = tokens.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings[$"RateLimits:{limit}:{role}:TokensPerPeriod"] = "1";
            settings[$"RateLimits:{limit}:{role}:PeriodSeconds"] = "3600";
        }

        return new ApiHost(catalog.Copy(), settings);
    }

    private static async Task<List<HttpStatusCode>> StatusesAsync(HttpClient client, int calls)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < calls; i++)
        {
            using var response = await ChatTests.PostChatAsync(client, Question, stream: false);
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }
}
