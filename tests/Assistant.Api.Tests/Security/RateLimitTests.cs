using System.Net;
using Assistant.Core.Access;

namespace Assistant.Api.Tests.Security;

public class RateLimitTests
{
    private static readonly Uri Acts = new("/v1/acts", UriKind.Relative);

    [Fact]
    public async Task Anonymous_caller_over_the_public_limit_gets_429_with_retry_after()
    {
        using var api = new SecuredApi(settings: ("RateLimits:Public:PermitLimit", "5"));
        using var client = api.Client();

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Acts)).StatusCode);
        }

        var refused = await client.GetAsync(Acts);

        var detail = await ProblemResponse.DetailAsync(refused, HttpStatusCode.TooManyRequests);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        Assert.StartsWith("At most 5 requests per 60 s are allowed for each anonymous client address; retry in ", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signed_in_user_has_a_limit_of_their_own_apart_from_anonymous_callers()
    {
        using var api = new SecuredApi(settings: [("RateLimits:Public:PermitLimit", "2"), ("RateLimits:User:PermitLimit", "4")]);
        using var anonymous = api.Client();
        using var deputy = api.Client(api.Token(AccessRole.Deputy));
        await anonymous.GetAsync(Acts);
        await anonymous.GetAsync(Acts);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await deputy.GetAsync(Acts)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await anonymous.GetAsync(Acts)).StatusCode);
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 4), HttpStatusCode.TooManyRequests], statuses);
    }
}
