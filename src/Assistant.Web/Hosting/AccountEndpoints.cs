using Assistant.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Assistant.Web.Hosting;

/// <summary>
/// POST /account/signin and /account/signout: plain form posts (with antiforgery), since a cookie is set by an
/// HTTP response and not by an interactive circuit.
/// </summary>
internal static partial class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/signin", SignInAsync).AllowAnonymous();
        app.MapPost("/account/signout", SignOutAsync).RequireAuthorization();
    }

    private static async Task<IResult> SignInAsync([FromForm] SignInForm form, SignInManager<Account> signIn, ILogger<SignInForm> logger)
    {
        var back = LocalOnly(form.ReturnUrl);
        if (string.IsNullOrWhiteSpace(form.Name) || string.IsNullOrEmpty(form.Password))
        {
            return Results.LocalRedirect(SignInPage("missing", back));
        }

        var result = await signIn.PasswordSignInAsync(form.Name.Trim(), form.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            SignedIn(logger, form.Name);
            return Results.LocalRedirect(back);
        }

        if (result.IsLockedOut)
        {
            LockedOut(logger, form.Name);
            return Results.LocalRedirect(SignInPage("locked", back));
        }

        SignInRefused(logger, form.Name);
        return Results.LocalRedirect(SignInPage("invalid", back));
    }

    private static async Task<IResult> SignOutAsync(SignInManager<Account> signIn)
    {
        await signIn.SignOutAsync();
        return Results.LocalRedirect("/signin");
    }

    private static string SignInPage(string error, string back) => $"/signin?error={error}&returnUrl={Uri.EscapeDataString(back)}";

    /// <summary>Only a path of this app: an open redirect to another site is refused.</summary>
    private static string LocalOnly(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : "/";

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{User} signed in")]
    private static partial void SignedIn(ILogger logger, string user);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Sign-in refused for {User}: wrong name or password")]
    private static partial void SignInRefused(ILogger logger, string user);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Sign-in refused for {User}: the account is locked out")]
    private static partial void LockedOut(ILogger logger, string user);
}

/// <summary>The sign-in form's fields.</summary>
internal sealed class SignInForm
{
    public string? Name { get; set; }

    public string? Password { get; set; }

    public string? ReturnUrl { get; set; }
}
