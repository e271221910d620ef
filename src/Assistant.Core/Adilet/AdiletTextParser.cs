using System.Globalization;
using Assistant.Core.Acts;
using Assistant.Core.Norms;

namespace Assistant.Core.Adilet;

/// <summary>
/// Parses Adilet texts into acts and norms: the site's .txt files (header, then the body), adilet PDF exports
/// (hard line breaks re-joined) and bulk records (body only: the record carries title, status and edition).
/// </summary>
public static class AdiletTextParser
{
    /// <summary>Parses an Adilet .txt file's text: header lines, then the body.</summary>
    /// <exception cref="AdiletFormatException">The text is empty, has no body, or its header is malformed.</exception>
    public static Act Parse(string text, string actId, Language language, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrWhiteSpace(actId);
        var lines = SplitLines(text);
        var header = ActHeader.Read(lines, source);
        var repairs = new List<string>();
        var paragraphs = LookAlikeHeadings.Repair(ParagraphReader.Read(lines, header.BodyStart, ParagraphReader.DetectLayout(lines)), repairs);
        if (paragraphs.Count == 0)
        {
            throw new AdiletFormatException(source, lines.Length, "the act has a header but no body");
        }

        var structure = new NormStructure(actId, paragraphs, splitArticleTitleAtColon: false);
        var edition = LatestAmendment(structure) ?? header.AdoptedOn;
        return Build(structure, paragraphs, new Act
        {
            Id = actId,
            Language = language,
            Title = header.Title,
            Kind = header.Kind,
            AdoptedOn = header.AdoptedOn,
            Number = header.Number,
            Status = header.Status,
            Edition = edition?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Source = source,
            Repairs = repairs,
            Norms = [],
        });
    }

    /// <summary>
    /// Parses a text that has no header lines (a bulk record's text); <paramref name="act"/> carries what the
    /// record says about the act (id, language, title, status, edition, source) and gets the norms.
    /// </summary>
    /// <remarks>
    /// An empty text gives the act with no norms: the source lists acts whose text it does not publish, and the
    /// act's title and status are still worth knowing.
    /// </remarks>
    public static Act ParseBody(string text, Act act)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(act);
        var lines = AdiletPatterns.BulkParagraphBreak().Split(text);
        var repairs = new List<string>();
        var paragraphs = LookAlikeHeadings.Repair(ParagraphReader.Read(lines, 0, TextLayout.Bulk), repairs);

        // Only the 2024 codes and laws carry an edition label, and only their export added what the cleaner removes.
        if (act.Edition is not null)
        {
            paragraphs = BulkExportCleaner.Clean(paragraphs, act.Id, repairs);
        }

        if (paragraphs.Count == 0)
        {
            return act with { Kind = act.Kind != ActKind.Unknown ? act.Kind : ActHeader.KindOf(act.Title), Norms = [] };
        }

        var structure = new NormStructure(act.Id, paragraphs, splitArticleTitleAtColon: true);
        var kind = act.Kind != ActKind.Unknown ? act.Kind : ActHeader.KindOf(act.Title);

        // A bulk export's label («2024-03») is when it was exported; the edition is as new as the newest law its footnotes name.
        var edition = LatestAmendment(structure) is { } amended ? amended.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : act.Edition;
        return Build(structure, paragraphs, act with { Kind = kind == ActKind.Unknown ? EnactingFormula.KindOf(paragraphs) : kind, Edition = edition, Repairs = repairs });
    }

    /// <summary>Reads an Adilet .txt file: the id and language come from its name («K1500000414.ru.txt»), else its script.</summary>
    public static Act ParseFile(string path)
    {
        var name = AdiletFileName.Parse(path);
        var text = File.ReadAllText(path);
        return Parse(text, name.ActId, name.Language ?? ScriptLanguage.Detect(text), path);
    }

    private static Act Build(NormStructure structure, IReadOnlyList<Paragraph> paragraphs, Act act)
    {
        var citedAt = act.Edition is { Length: >= 7 } edition
            && DateOnly.TryParseExact(edition.Length == 7 ? edition + "-01" : edition[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : act.AdoptedOn;
        var norms = structure.Norms.Select(draft => draft.ToNorm(act.Id, act.Language, citedAt)).ToArray();
        var preamble = structure.Preamble;
        if (norms.Length == 0)
        {
            // A text with no numbered norms at all (a short decision, an appointment) becomes a single point
            // holding the whole body, so that nothing of it is lost to retrieval and it can still be cited.
            var whole = new NormDraft(new NormId(act.Id, point: "1"), NormKind.Point, "1", null, [], null);
            foreach (var paragraph in preamble.Count > 0 ? preamble : paragraphs.Select(p => p.Text))
            {
                whole.AddText(paragraph);
            }

            norms = [whole.ToNorm(act.Id, act.Language, citedAt)];
            preamble = [];
        }

        return act with
        {
            Preamble = preamble.Count == 0 ? null : string.Join('\n', preamble),
            Footnotes = structure.ActFootnotes.ToArray(),
            EditorialNotes = structure.ActNotes.ToArray(),
            Norms = norms,
        };
    }

    /// <summary>The edition of an Adilet text: the date of the latest amending act its footnotes name.</summary>
    private static DateOnly? LatestAmendment(NormStructure structure)
    {
        var footnotes = structure.ActFootnotes.Concat(structure.Norms.SelectMany(AllFootnotes));
        return footnotes.Select(footnote => FootnoteReader.LatestDate(footnote.Text)).Max();
    }

    private static IEnumerable<Footnote> AllFootnotes(NormDraft draft) =>
        draft.Footnotes.Concat(draft.Parts.SelectMany(AllFootnotes));

    private static string[] SplitLines(string text) => text.Split('\n');
}
