using Microsoft.AspNetCore.Localization;

namespace Assistant.Web.Hosting;

/// <summary>GET /culture/{name}: remembers the chosen language in a cookie and returns to the page.</summary>
internal static class CultureEndpoints
{
    public static void MapCultureEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/culture/{name}", (string name, string? returnUrl, HttpContext http) =>
        {
            if (!Cultures.All.Contains(name))
            {
                return Results.BadRequest($"The language '{name}' is not offered; use ru or kk.");
            }

            http.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(name)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), SameSite = SameSiteMode.Lax, HttpOnly = true, IsEssential = true });
            var back = returnUrl is { Length: > 0 } && returnUrl[0] == '/' && !returnUrl.StartsWith("//", StringComparison.Ordinal) ? returnUrl : "/";
            return Results.LocalRedirect(back);
        }).AllowAnonymous();
}
