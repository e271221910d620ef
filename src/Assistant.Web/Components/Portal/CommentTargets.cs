using System.Globalization;
using Assistant.Web.Api;
using Assistant.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Assistant.Web.Components.Portal;

/// <summary>What a comment is on, as a reader says it: the draft, «Статья 1», «Статья 1, подпункт 2)».</summary>
public static class CommentTargets
{
    /// <summary>Headings longer than this are cut in lists to choose from: an amending law's first line is long.</summary>
    private const int ChoiceLength = 90;

    public static string Name(string? article, string? point, IStringLocalizer<Labels> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return article is null ? labels["Comment.WholeDraft"]
            : point is null ? string.Format(CultureInfo.CurrentCulture, labels["Comment.OnArticle"], article)
            : string.Format(CultureInfo.CurrentCulture, labels["Comment.OnPoint"], article, point);
    }

    /// <summary>An article in a list to choose from: its heading line, cut short, or its number.</summary>
    public static string Choice(DraftArticle article, IStringLocalizer<Labels> labels)
    {
        ArgumentNullException.ThrowIfNull(article);
        return article.Heading is { Length: > 0 } heading
            ? heading.Length <= ChoiceLength ? heading : string.Concat(heading.AsSpan(0, ChoiceLength - 1), "…")
            : Name(article.Article, null, labels);
    }

    public static string Point(string point, IStringLocalizer<Labels> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return string.Format(CultureInfo.CurrentCulture, labels["Comment.PointChoice"], point);
    }
}
