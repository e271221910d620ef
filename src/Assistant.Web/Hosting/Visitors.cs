using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;

namespace Assistant.Web.Hosting;

/// <summary>Who calls the public API through this app: the visitor's id (from their cookie) and their address.</summary>
public sealed record Visitor(string Id, string Address);

/// <summary>
/// The visitor of this request or circuit. A circuit has no HttpContext, so the page's first request fills this and
/// App.razor hands it to the circuit as a parameter of <c>Routes</c> (rendered into the page, protected by Blazor).
/// </summary>
public sealed class CurrentVisitor
{
    public Visitor? Value { get; set; }
}

/// <summary>
/// Gives every browser a long-lived random visitor id in an HttpOnly cookie: the public API counts supports once per
/// visitor, and the portal has no accounts. Signed-in people get one too, since public calls carry no account.
/// </summary>
internal static class Visitors
{
    public const string CookieName = "raglegal.visitor";

    public static void UseVisitors(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            var id = http.Request.Cookies[CookieName];
            if (!IsValid(id))
            {
                id = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(18));
                http.Response.Cookies.Append(CookieName, id, new CookieOptions
                {
                    MaxAge = TimeSpan.FromDays(365),
                    HttpOnly = true,
                    SameSite = SameSiteMode.Lax,
                    Secure = http.Request.IsHttps,
                    IsEssential = true,
                });
            }

            http.RequestServices.GetRequiredService<CurrentVisitor>().Value = new Visitor(id!, AddressOf(http.Connection.RemoteIpAddress));
            await next(http);
        });

    /// <summary>What the API accepts as a visitor id: 8 to 64 of [A-Za-z0-9_-].</summary>
    internal static bool IsValid(string? id) =>
        id is { Length: >= 8 and <= 64 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');

    private static string AddressOf(IPAddress? address) =>
        address is null ? IPAddress.Loopback.ToString() : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
}
