using System.Globalization;
using System.Text;
using Assistant.Core.Acts;
using Assistant.Core.Norms;

namespace Assistant.Core.Citations;

/// <summary>
/// How a norm is cited to a reader: «Трудовой кодекс РК, ст. 88, п. 1» / «ҚР Еңбек кодексі, 88-бап, 1-тармақ».
/// </summary>
public static class Citation
{
    public static string Display(NormId id, string actTitle, Language language)
    {
        var builder = new StringBuilder(ShortTitle(actTitle, language));
        if (language == Language.Kk)
        {
            Append(builder, id.Annex, "{0}-қосымша");
            Append(builder, id.Article, "{0}-бап");
            Append(builder, id.Point, "{0}-тармақ");
            Append(builder, id.Subpoint, "{0}) тармақша");
        }
        else
        {
            Append(builder, id.Annex, "прил. {0}");
            Append(builder, id.Article, "ст. {0}");
            Append(builder, id.Point, "п. {0}");
            Append(builder, id.Subpoint, "пп. {0})");
        }

        return builder.ToString();
    }

    /// <summary>The act's title with the state's name abbreviated, as lawyers write it.</summary>
    public static string ShortTitle(string actTitle, Language language)
    {
        var title = string.Join(' ', actTitle.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (language == Language.Kk)
        {
            return title.StartsWith("Қазақстан Республикасының ", StringComparison.OrdinalIgnoreCase)
                ? "ҚР " + title["Қазақстан Республикасының ".Length..]
                : title;
        }

        return title.Replace("Республики Казахстан", "РК", StringComparison.OrdinalIgnoreCase);
    }

    private static void Append(StringBuilder builder, string? number, string format)
    {
        if (number is not null)
        {
            builder.Append(", ").Append(string.Format(CultureInfo.InvariantCulture, format, number));
        }
    }
}
