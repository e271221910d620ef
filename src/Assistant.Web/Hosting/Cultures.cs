using System.Globalization;

namespace Assistant.Web.Hosting;

/// <summary>The two languages of the app: Russian (the default) and Kazakh.</summary>
public static class Cultures
{
    public const string Russian = "ru";

    public const string Kazakh = "kk";

    public static IReadOnlyList<string> All { get; } = [Russian, Kazakh];

    /// <summary>"ru" or "kk" for the culture the page renders in.</summary>
    public static string Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == Kazakh ? Kazakh : Russian;
}
