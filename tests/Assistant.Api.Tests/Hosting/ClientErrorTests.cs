using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Assistant.Api.Tests.Security;
using Assistant.Core.Access;
using Assistant.Core.Conversations;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Api.Tests.Hosting;

/// <summary>
/// Requests the framework cannot bind are the caller's mistake: a 4xx problem naming the field in plain words, a
/// warning without a stack trace. A failure of the server is a 500 that says nothing of its insides, logged as an
/// error with its stack.
/// </summary>
public sealed class ClientErrorTests : IDisposable
{
    private readonly string logs = Directory.CreateTempSubdirectory("raglegal-api-errors-").FullName;

    [Theory]
    [InlineData("""{"query":"кража","asOf":5}""", "asOf", "not of the type asOf takes")]
    [InlineData("""{"query":"кража","top":"many"}""", "top", "not of the type top takes")]
    [InlineData("""{"query":"кража", "top": }""", "top", "not valid JSON: it breaks at $.top")]
    public async Task A_body_that_does_not_bind_is_a_400_naming_the_field_and_no_clr_type(string body, string field, string says)
    {
        JsonElement problem;
        HttpStatusCode status;
        using (var api = new SecuredApi(settings: ("LogFile:Path", Path.Combine(logs, "api-.clef"))))
        {
            using var client = api.Client();
            using var response = await client.PostAsync(new Uri("/v1/search", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
            status = response.StatusCode;
            problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        }

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains(says, detail, StringComparison.Ordinal);
        Assert.Equal(field, problem.GetProperty("parameter").GetString());
        AssertNamesNoClrType(problem.GetRawText());
        var events = ClefLog.Read(logs);
        Assert.DoesNotContain(events, e => ClefLog.Level(e) is "Error" or "Fatal");
        Assert.DoesNotContain(events, ClefLog.HasException);
        var refused = Assert.Single(events, e => ClefLog.Source(e) == "Assistant.Api.Hosting.ClientErrorHandler");
        Assert.Equal("Warning", ClefLog.Level(refused));
        Assert.Equal(detail, refused.GetProperty("Detail").GetString());
        var request = Assert.Single(events, e => ClefLog.Source(e) == "Serilog.AspNetCore.RequestLoggingMiddleware");
        Assert.Equal(("Warning", 400, "/v1/search"), (ClefLog.Level(request), request.GetProperty("StatusCode").GetInt32(), request.GetProperty("Route").GetString()));
    }

    [Theory]
    [InlineData("/v1/audit?since=yesterday", "since is 'yesterday': it must be a date or a date and time", "since")]
    [InlineData("/v1/conversations?limit=ten", "limit is 'ten': it must be a whole number.", "limit")]
    public async Task A_query_value_of_the_wrong_type_is_a_400_saying_what_it_must_be(string path, string says, string parameter)
    {
        using var api = new SecuredApi();
        using var client = api.Client(api.Token(AccessRole.Admin));

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith(says, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
        AssertNamesNoClrType(problem.GetRawText());
    }

    [Fact]
    public async Task A_body_sent_as_text_is_a_415_asking_for_json()
    {
        using var api = new SecuredApi();
        using var client = api.Client();

        using var response = await client.PostAsync(new Uri("/v1/search", UriKind.Relative), new StringContent("кража", Encoding.UTF8, "text/plain"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("The body must be JSON (Content-Type: application/json); it was sent as 'text/plain; charset=utf-8'.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_failure_of_the_server_is_a_500_that_names_nothing_inside_and_is_logged_as_an_error_with_its_stack()
    {
        JsonElement problem;
        HttpStatusCode status;
        var folder = Directory.CreateTempSubdirectory("raglegal-api-").FullName;
        using (var root = new WebApplicationFactory<Program>())
        using (var factory = root.WithWebHostBuilder(builder => builder
            .UseSetting("Catalog:Path", Path.Combine(folder, "catalog.db"))
            .UseSetting("Auth:SigningKey", ApiHost.SigningKeyText)
            .UseSetting("LogFile:Path", Path.Combine(logs, "api-.clef"))
            .ConfigureTestServices(services => services.AddSingleton<IConversationStore, BrokenConversations>())))
        {
            using var client = factory.CreateClient();
            client.DefaultRequestHeaders.Authorization = new("Bearer", ApiHost.Token(AccessRole.Deputy, "deputy"));
            using var response = await client.GetAsync(new Uri("/v1/conversations", UriKind.Relative));
            status = response.StatusCode;
            problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        }

        Directory.Delete(folder, recursive: true);
        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Equal("Server error", problem.GetProperty("title").GetString());
        Assert.Equal("The request failed on the server; the failure is logged.", problem.GetProperty("detail").GetString());
        Assert.DoesNotContain("disk", problem.GetRawText(), StringComparison.Ordinal);
        var failure = Assert.Single(ClefLog.Read(logs), e => ClefLog.Level(e) == "Error" && ClefLog.HasException(e));
        Assert.Contains("InvalidOperationException: the disk is on fire", failure.GetProperty("@x").GetString(), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(logs, recursive: true);

    private static void AssertNamesNoClrType(string text)
    {
        foreach (var inside in (string[])["System.", "Assistant.", "Nullable", "Request request", "SearchRequest", "Int32", "DateTimeOffset"])
        {
            Assert.DoesNotContain(inside, text, StringComparison.Ordinal);
        }
    }

    private sealed class BrokenConversations : IConversationStore
    {
        public Task<string> StartAsync(string owner, CancellationToken cancellationToken) => throw Failure();

        public Task<IReadOnlyList<ConversationMessage>?> GetAsync(string conversationId, string owner, CancellationToken cancellationToken) => throw Failure();

        public Task<IReadOnlyList<ConversationSummary>> ListAsync(string owner, int limit, CancellationToken cancellationToken) => throw Failure();

        public Task AppendAsync(string conversationId, IReadOnlyList<ConversationMessage> messages, CancellationToken cancellationToken) => throw Failure();

        private static InvalidOperationException Failure() => new("the disk is on fire");
    }
}
