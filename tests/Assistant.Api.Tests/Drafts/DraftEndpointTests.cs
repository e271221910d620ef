using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Assistant.Api.Tests.Hosting;
using Assistant.Api.Tests.Security;
using Assistant.Core.Access;

namespace Assistant.Api.Tests.Drafts;

/// <summary>POST /v1/drafts and GET /v1/drafts/{id}: experts and admins submit drafts, which stay apart from the law in force.</summary>
public sealed class DraftEndpointTests : IClassFixture<TestCatalog>, IDisposable
{
    private const string Draft = """
        О внесении изменений в Трудовой кодекс Республики Казахстан

        Статья 1. Внести в Трудовой кодекс Республики Казахстан от 23 ноября 2015 года следующие изменения:
        1) дополнить статьей 16-7 следующего содержания:
        «Статья 16-7. Квантовая телепортация работников
        Квантовая телепортация работников запрещается.»;
        2) статью 9999 исключить;

        Статья 2. Настоящий Закон вводится в действие по истечении десяти календарных дней.
        """;

    private static readonly Uri Drafts = new("/v1/drafts", UriKind.Relative);

    private readonly ApiHost host;

    public DraftEndpointTests(TestCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        host = new ApiHost(catalog.Copy(), new Dictionary<string, string?> { ["Drafts:MaxTextLength"] = "2000" });
    }

    [Theory]
    [InlineData(AccessRole.Expert)]
    [InlineData(AccessRole.Admin)]
    public async Task An_expert_or_admin_submits_a_draft_and_reads_it_back(AccessRole role)
    {
        using var client = host.ClientAs(role, "expert.aigerim");

        var created = await client.PostAsJsonAsync(Drafts, new { text = Draft });
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var read = await client.GetFromJsonAsync<JsonElement>(created.Headers.Location);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(body.GetProperty("id").GetString(), read.GetProperty("id").GetString());
        Assert.Equal("Submitted", read.GetProperty("status").GetString());
        Assert.Equal("expert.aigerim", read.GetProperty("createdBy").GetString());
        Assert.Equal(["K1500000414"], read.GetProperty("acts").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(["Insert", "Exclude"], read.GetProperty("operations").EnumerateArray().Select(o => o.GetProperty("kind").GetString()));
        Assert.Equal(Draft, read.GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_read_back_draft_is_applied_to_the_current_edition_in_the_catalog()
    {
        using var client = host.ClientAs(AccessRole.Expert);
        var created = await client.PostAsJsonAsync(Drafts, new { text = Draft });

        var read = await client.GetFromJsonAsync<JsonElement>(created.Headers.Location);

        var labour = Assert.Single(read.GetProperty("consolidation").EnumerateArray());
        Assert.Equal("K1500000414", labour.GetProperty("act").GetString());
        var inserted = Assert.Single(labour.GetProperty("norms").EnumerateArray());
        Assert.Equal("16-7", inserted.GetProperty("article").GetString());
        Assert.Equal("", inserted.GetProperty("before").GetString());
        Assert.Contains("Квантовая телепортация работников запрещается.", inserted.GetProperty("after").GetString(), StringComparison.Ordinal);
        Assert.Equal(["inserted"], inserted.GetProperty("redline").EnumerateArray().Select(s => s.GetProperty("kind").GetString()));
        var failed = Assert.Single(labour.GetProperty("failed").EnumerateArray());
        Assert.Contains("9999", failed.GetProperty("instruction").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_draft_sent_as_a_file_is_read_from_the_form()
    {
        using var client = host.ClientAs(AccessRole.Admin);
        using var form = new MultipartFormDataContent();
        using var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(Draft));
        form.Add(file, "file", "draft.txt");
        using var title = new StringContent("Проект о телепортации");
        form.Add(title, "title");

        var created = await client.PostAsync(Drafts, form);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("Проект о телепортации", body.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData(AccessRole.Deputy)]
    public async Task A_deputy_may_not_submit_a_draft(AccessRole role)
    {
        using var client = host.ClientAs(role);

        var response = await client.PostAsJsonAsync(Drafts, new { text = Draft });

        var detail = await ProblemResponse.DetailAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains("expert or admin", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_public_may_neither_submit_nor_read_drafts()
    {
        using var expert = host.ClientAs(AccessRole.Expert);
        var created = await expert.PostAsJsonAsync(Drafts, new { text = Draft });
        using var anonymous = host.CreateClient();

        var submit = await anonymous.PostAsJsonAsync(Drafts, new { text = Draft });
        var read = await anonymous.GetAsync(created.Headers.Location);

        Assert.Equal(HttpStatusCode.Unauthorized, submit.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, read.StatusCode);
    }

    [Theory]
    [InlineData("", HttpStatusCode.BadRequest, "text is empty")]
    [InlineData("Просто текст без поправок.", HttpStatusCode.UnprocessableEntity, "names no act it amends")]
    public async Task A_bad_draft_is_a_problem_saying_what_is_wrong(string text, HttpStatusCode status, string detail)
    {
        using var client = host.ClientAs(AccessRole.Expert);

        var response = await client.PostAsJsonAsync(Drafts, new { text });

        Assert.Contains(detail, await ProblemResponse.DetailAsync(response, status), StringComparison.Ordinal);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_draft_over_the_length_limit_is_413()
    {
        using var client = host.ClientAs(AccessRole.Expert);

        var response = await client.PostAsJsonAsync(Drafts, new { text = Draft + new string('а', 2000) });

        Assert.Contains("at most 2000", await ProblemResponse.DetailAsync(response, HttpStatusCode.RequestEntityTooLarge), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_draft_is_404()
    {
        using var client = host.ClientAs(AccessRole.Expert);

        var response = await client.GetAsync(new Uri("/v1/drafts/0123456789abcdef", UriKind.Relative));

        Assert.Contains("0123456789abcdef", await ProblemResponse.DetailAsync(response, HttpStatusCode.NotFound), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stored_draft_never_appears_in_search()
    {
        using var client = host.ClientAs(AccessRole.Expert);
        var created = await client.PostAsJsonAsync(Drafts, new { text = Draft });

        var search = await client.PostAsJsonAsync(new Uri("/v1/search", UriKind.Relative), new { query = "Квантовая телепортация работников запрещается", mode = "lexical" });
        var body = await search.Content.ReadAsStringAsync();
        var acts = await client.GetStringAsync(new Uri("/v1/acts?q=телепортац", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        Assert.DoesNotContain("телепортац", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("16-7", body, StringComparison.Ordinal);
        Assert.DoesNotContain("телепортац", acts, StringComparison.OrdinalIgnoreCase);
    }

    public void Dispose() => host.Dispose();
}
