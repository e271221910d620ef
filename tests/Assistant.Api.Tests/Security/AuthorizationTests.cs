using System.Net;
using System.Net.Http.Json;
using Assistant.Core.Access;

namespace Assistant.Api.Tests.Security;

/// <summary>Admin-only access, through the real admin endpoint POST /v1/auth/tokens.</summary>
public sealed class AuthorizationTests : IDisposable
{
    private static readonly Uri Tokens = new("/v1/auth/tokens", UriKind.Relative);

    private readonly SecuredApi api = new();

    [Fact]
    public async Task Issuing_a_token_as_an_expert_is_403_naming_the_role_needed_and_the_role_held()
    {
        using var client = api.Client(api.Token(AccessRole.Expert));

        var response = await client.PostAsJsonAsync(Tokens, new { name = "deputy1", role = "deputy" });

        var detail = await ProblemResponse.DetailAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal("This endpoint needs the role admin; your token has expert.", detail);
        Assert.Contains("error=\"insufficient_scope\"", ProblemResponse.WwwAuthenticate(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issuing_a_token_without_a_token_is_401()
    {
        using var client = api.Client();

        var response = await client.PostAsJsonAsync(Tokens, new { name = "deputy1", role = "deputy" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_token_an_admin_issues_is_accepted_with_its_name_and_role()
    {
        using var admin = api.Client(api.Token(AccessRole.Admin));

        var response = await admin.PostAsJsonAsync(Tokens, new { name = "Ерлан", role = "expert", days = 7 });
        var issued = await response.Content.ReadFromJsonAsync<IssuedBody>();
        using var expert = api.Client(issued?.Token);
        var caller = await expert.GetFromJsonAsync<CallerBody>(new Uri("/v1/auth/whoami", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new CallerBody("Ерлан", "expert"), caller);
        Assert.InRange(issued!.ExpiresAt, DateTimeOffset.UtcNow.AddDays(7).AddMinutes(-1), DateTimeOffset.UtcNow.AddDays(7).AddMinutes(1));
    }

    [Theory]
    [InlineData("root", 30, "role")]
    [InlineData("expert", 400, "days")]
    public async Task Issuing_a_token_with_an_unknown_role_or_too_many_days_is_400_naming_the_field(string role, int days, string field)
    {
        using var client = api.Client(api.Token(AccessRole.Admin));

        var response = await client.PostAsJsonAsync(Tokens, new { name = "deputy1", role, days });

        var detail = await ProblemResponse.DetailAsync(response, HttpStatusCode.BadRequest);
        Assert.StartsWith($"{field} is ", detail, StringComparison.Ordinal);
    }

    public void Dispose() => api.Dispose();

    private sealed record CallerBody(string Name, string Role);

    private sealed record IssuedBody(string Token, string Name, string Role, DateTimeOffset ExpiresAt);
}
