using System.Text.RegularExpressions;

namespace Assistant.Core.Discussion;

/// <summary>
/// The draft's own articles («Статья 1.», «1-бап.») and their points («1)» at the start of a line): what a comment
/// may be on. An amending law's points are its instructions, so a comment can name the one change it is about.
/// </summary>
public static partial class DraftOutline
{
    public static IReadOnlyList<DraftArticle> Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var articles = new List<DraftArticle>();
        string? number = null;
        string? heading = null;
        var body = new List<string>();
        var points = new List<string>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (ArticleHeading().Match(line) is { Success: true } article)
            {
                Close();
                number = article.Groups["ru"].Success ? article.Groups["ru"].Value : article.Groups["kk"].Value;
                heading = line;
                continue;
            }

            if (number is null)
            {
                continue;
            }

            if (Signature().IsMatch(line))
            {
                Close();
                continue;
            }

            if (PointStart().Match(line) is { Success: true } point && !points.Contains(point.Groups[1].Value))
            {
                points.Add(point.Groups[1].Value);
            }

            body.Add(line);
        }

        Close();
        return articles;

        void Close()
        {
            if (number is not null)
            {
                articles.Add(new DraftArticle(number, heading!, string.Join('\n', body).Trim(), [.. points]));
            }

            number = null;
            body.Clear();
            points.Clear();
        }
    }

    /// <summary>The article <paramref name="number"/>, or null.</summary>
    public static DraftArticle? Find(IReadOnlyList<DraftArticle> outline, string number) =>
        outline.FirstOrDefault(a => string.Equals(a.Number, number, StringComparison.Ordinal));

    [GeneratedRegex(@"^(?:Статья\s+(?<ru>\d+(?:-\d+)?)\.|(?<kk>\d+(?:-\d+)?)-бап\.)")]
    private static partial Regex ArticleHeading();

    [GeneratedRegex(@"^(\d+(?:-\d+)?)\)\s")]
    private static partial Regex PointStart();

    /// <summary>The signature block that ends a law: «Президент Республики Казахстан» / «Қазақстан Республикасының Президенті».</summary>
    [GeneratedRegex(@"^(?:Президент(?:\s+Республики\s+Казахстан)?|Қазақстан\s+Республикасының(?:\s+Президенті)?)\s*$")]
    private static partial Regex Signature();
}

/// <summary>One article of a draft: its number, heading line, text (the heading line's own text is in the heading) and points.</summary>
public sealed record DraftArticle(string Number, string Heading, string Text, IReadOnlyList<string> Points);
