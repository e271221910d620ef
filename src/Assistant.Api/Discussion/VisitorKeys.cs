using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Assistant.Core.Discussion;

namespace Assistant.Api.Discussion;

/// <summary>
/// Who a visitor is without an account: a keyed hash of the client address (after trusted proxies) and the
/// visitor id the web app keeps in a cookie (header X-RagLegal-Visitor). The address itself is never stored.
/// </summary>
internal sealed partial class VisitorKeys(IDiscussionStore store)
{
    public const string Header = "X-RagLegal-Visitor";

    public string Of(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var visitor = context.Request.Headers[Header].ToString();
        if (!VisitorId().IsMatch(visitor))
        {
            visitor = string.Empty;
        }

        var hash = HMACSHA256.HashData(store.VisitorSalt.Span, Encoding.UTF8.GetBytes(address + "\n" + visitor));
        return Convert.ToHexStringLower(hash);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{8,64}$")]
    private static partial Regex VisitorId();
}
