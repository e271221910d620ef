using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace Assistant.Core.Reports;

/// <summary>The pieces the Word reports (forecasts, findings) are laid out with: runs that keep line breaks, bordered tables.</summary>
internal static class WordBlocks
{
    /// <summary>A run whose line breaks are Word's: a text element keeps no newline of its own.</summary>
    public static Run Run(string text)
    {
        var run = new Run();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new Break());
            }

            run.Append(new WordText(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }

        return run;
    }

    public static Table Table(string[] headings, IEnumerable<string[]> rows)
    {
        var border = BorderValues.Single;
        var table = new Table(new TableProperties(
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
            new TableBorders(
                new TopBorder { Val = border, Size = 4 },
                new BottomBorder { Val = border, Size = 4 },
                new LeftBorder { Val = border, Size = 4 },
                new RightBorder { Val = border, Size = 4 },
                new InsideHorizontalBorder { Val = border, Size = 4 },
                new InsideVerticalBorder { Val = border, Size = 4 })));
        table.Append(Row(headings, header: true));
        foreach (var row in rows)
        {
            table.Append(Row(row, header: false));
        }

        return table;
    }

    private static TableRow Row(string[] cells, bool header)
    {
        var row = new TableRow();
        if (header)
        {
            row.Append(new TableRowProperties(new TableHeader()));
        }

        foreach (var cell in cells)
        {
            var run = Run(cell);
            if (header)
            {
                run.RunProperties = new RunProperties(new Bold());
            }

            row.Append(new TableCell(new Paragraph(run)));
        }

        return row;
    }
}
