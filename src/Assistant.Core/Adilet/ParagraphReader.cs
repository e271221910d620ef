using System.Text;

namespace Assistant.Core.Adilet;

/// <summary>Re-joins physical lines into paragraphs according to the text's layout.</summary>
internal static class ParagraphReader
{
    /// <summary>PDF exports indent paragraphs with ASCII spaces; the site's text indents with no-break spaces.</summary>
    public static TextLayout DetectLayout(IReadOnlyList<string> lines)
    {
        var nonBlank = 0;
        var indented = 0;
        foreach (var line in lines)
        {
            if (line.Contains('\f', StringComparison.Ordinal))
            {
                return TextLayout.Pdf;
            }

            if (!string.IsNullOrWhiteSpace(line))
            {
                nonBlank++;
                if (line.StartsWith("  ", StringComparison.Ordinal))
                {
                    indented++;
                }
            }
        }

        return nonBlank > 0 && indented * 5 > nonBlank ? TextLayout.Pdf : TextLayout.Site;
    }

    public static List<Paragraph> Read(IReadOnlyList<string> lines, int firstLine, TextLayout layout)
    {
        var paragraphs = new List<Paragraph>();
        var current = new StringBuilder();
        var currentLine = 0;
        var previousBlank = true;
        var previousEndsWithSpace = false;

        void Flush()
        {
            var text = current.ToString().Trim();
            if (layout == TextLayout.Pdf)
            {
                text = AdiletPatterns.SpaceRun().Replace(text, " ");
            }

            if (text.Length > 0)
            {
                paragraphs.Add(new Paragraph(text, currentLine));
            }

            current.Clear();
        }

        for (var index = firstLine; index < lines.Count; index++)
        {
            var raw = lines[index].Replace("\f", string.Empty, StringComparison.Ordinal).TrimEnd('\r');
            if (string.IsNullOrWhiteSpace(raw))
            {
                Flush();
                previousBlank = true;
                previousEndsWithSpace = false;
                continue;
            }

            var trimmed = raw.Trim().Replace('\u00A0', ' ');
            var continues = !previousBlank && current.Length > 0 && !StartsParagraph(trimmed) && layout switch
            {
                TextLayout.Pdf => !char.IsWhiteSpace(raw[0]) && !EndsHeadingOnly(current),
                TextLayout.Site => previousEndsWithSpace
                    || (raw[0] == ' ' && raw.Length > 1 && !char.IsWhiteSpace(raw[1]))
                    || trimmed[0] is '.' or ',' or ';' or ':' or ')' or '»',
                _ => false,
            };
            if (!continues)
            {
                Flush();
                currentLine = index + 1;
            }
            else if (trimmed[0] is not ('.' or ',' or ';' or ':' or ')'))
            {
                current.Append(' ');
            }

            current.Append(trimmed);
            previousBlank = false;
            previousEndsWithSpace = raw.EndsWith(' ') || raw.EndsWith('\u00A0');
        }

        Flush();
        return paragraphs;
    }

    /// <summary>Structural lines always start a paragraph, whatever the layout says.</summary>
    private static bool StartsParagraph(string trimmed) =>
        AdiletPatterns.Article().IsMatch(trimmed)
        || AdiletPatterns.Heading().IsMatch(trimmed)
        || AdiletPatterns.Footnote().IsMatch(trimmed)
        || AdiletPatterns.EditorialNote().IsMatch(trimmed);

    /// <summary>«Статья 1.» alone on its line: the article's text follows on the next line, not its title.</summary>
    private static bool EndsHeadingOnly(StringBuilder current)
    {
        var text = current.ToString().Trim();
        return text.Length < 16 && AdiletPatterns.Article().Match(text) is { Success: true } match && match.Groups["title"].Length == 0;
    }
}
