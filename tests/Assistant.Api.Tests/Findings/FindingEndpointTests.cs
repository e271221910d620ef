using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Assistant.Api.Tests.Hosting;
using Assistant.Api.Tests.Security;
using Assistant.Core.Access;
using Assistant.Core.Acts;
using Assistant.Core.Findings;
using Assistant.Storage.Findings;

namespace Assistant.Api.Tests.Findings;

/// <summary>GET /v1/findings, GET and PATCH /v1/findings/{id}: experts read what the analysis found and review it.</summary>
public sealed class FindingEndpointTests : IClassFixture<TestCatalog>, IDisposable
{
    private static readonly Finding Conflict = new(
        FindingIds.Of(FindingKind.Conflict, "V2400000001/p:3", "K1500000414/art:88", "ru|10 day|30 day"), FindingKind.Conflict, Language.Ru,
        "V2400000001/p:3", "K1500000414/art:88", "в течение 10 дней", "в течение 30 дней", "«10 дней» ≠ «30 дней»", "срок", 0.82, FindingPriority.High, 3);

    private static readonly Finding Duplicate = new(
        FindingIds.Of(FindingKind.Duplicate, "V2400000002/p:1", "K1500000414/art:5", "kk"), FindingKind.Duplicate, Language.Kk,
        "V2400000002/p:1", "K1500000414/art:5", "мәтін", "мәтін", "тексты совпадают дословно", "Jaccard 0.97", 0.97, FindingPriority.Low, 0);

    private readonly ApiHost host;

    public FindingEndpointTests(TestCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var path = catalog.Copy();
        using (var store = FindingStore.Open(path))
        {
            store.ReplaceAsync(FindingKind.Conflict, "V2400000001", Language.Ru, [Conflict], CancellationToken.None).GetAwaiter().GetResult();
            store.ReplaceAsync(FindingKind.Duplicate, "V2400000002", Language.Kk, [Duplicate], CancellationToken.None).GetAwaiter().GetResult();
        }

        host = new ApiHost(path, new Dictionary<string, string?>());
    }

    [Fact]
    public async Task An_expert_lists_findings_by_the_act_on_either_side_and_by_kind()
    {
        using var client = host.ClientAs(AccessRole.Expert);

        var byAct = await client.GetFromJsonAsync<JsonElement>("/v1/findings?act=K1500000414");
        var conflicts = await client.GetFromJsonAsync<JsonElement>("/v1/findings?kind=conflict&lang=ru");

        Assert.Equal([Conflict.Id, Duplicate.Id], byAct.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("id").GetString()));
        var only = Assert.Single(conflicts.GetProperty("findings").EnumerateArray());
        Assert.Equal(("conflict", "high", "«10 дней» ≠ «30 дней»", "new"), (only.GetProperty("kind").GetString(), only.GetProperty("priority").GetString(), only.GetProperty("differs").GetString(), only.GetProperty("review").GetProperty("status").GetString()));
    }

    [Fact]
    public async Task An_expert_confirms_a_finding_with_a_comment_and_it_lists_under_that_status()
    {
        using var client = host.ClientAs(AccessRole.Expert, "expert.aigerim");

        var patched = await client.PatchAsJsonAsync($"/v1/findings/{Conflict.Id}", new { status = "confirmed", comment = "срок расходится с кодексом" });
        var confirmed = await client.GetFromJsonAsync<JsonElement>("/v1/findings?status=confirmed");

        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var review = Assert.Single(confirmed.GetProperty("findings").EnumerateArray()).GetProperty("review");
        Assert.Equal(("confirmed", "срок расходится с кодексом", "expert.aigerim"), (review.GetProperty("status").GetString(), review.GetProperty("comment").GetString(), review.GetProperty("reviewedBy").GetString()));
    }

    [Theory]
    [InlineData("kind=contradiction", "kind")]
    [InlineData("status=maybe", "status")]
    [InlineData("lang=en", "lang")]
    [InlineData("limit=0", "limit")]
    [InlineData("offset=-1", "offset")]
    public async Task A_bad_parameter_is_refused_naming_it(string query, string parameter)
    {
        using var client = host.ClientAs(AccessRole.Admin);

        var response = await client.GetAsync(new Uri("/v1/findings?" + query, UriKind.Relative));

        var detail = await ProblemResponse.DetailAsync(response, HttpStatusCode.BadRequest);
        Assert.StartsWith(parameter + " is", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_review_with_an_unknown_status_is_refused_and_an_unknown_id_is_not_found()
    {
        using var client = host.ClientAs(AccessRole.Expert);

        var badStatus = await client.PatchAsJsonAsync($"/v1/findings/{Conflict.Id}", new { status = "done" });
        var unknown = await client.PatchAsJsonAsync("/v1/findings/conflict-0000000000000000", new { status = "dismissed" });
        var read = await client.GetAsync(new Uri("/v1/findings/conflict-0000000000000000", UriKind.Relative));

        Assert.Contains("status", await ProblemResponse.DetailAsync(badStatus, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    [Fact]
    public async Task A_deputy_may_neither_read_nor_review_findings()
    {
        using var client = host.ClientAs(AccessRole.Deputy);

        var list = await client.GetAsync(new Uri("/v1/findings", UriKind.Relative));
        var review = await client.PatchAsJsonAsync($"/v1/findings/{Conflict.Id}", new { status = "dismissed" });

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, review.StatusCode);
    }

    public void Dispose() => host.Dispose();
}
