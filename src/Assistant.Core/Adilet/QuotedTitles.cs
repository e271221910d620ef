using System.Text.RegularExpressions;

namespace Assistant.Core.Adilet;

/// <summary>A title in quotes of any style («…», "…", “…”), as acts are named in the text of others.</summary>
internal static partial class QuotedTitles
{
    [GeneratedRegex(@"[«""“](?<title>[^»""”]{3,200})[»""”]", RegexOptions.CultureInvariant)]
    public static partial Regex Pattern();
}
