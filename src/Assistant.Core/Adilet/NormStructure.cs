using System.Globalization;
using System.Text.RegularExpressions;
using Assistant.Core.Norms;

namespace Assistant.Core.Adilet;

/// <summary>
/// Walks an act's paragraphs and builds its norms: headings give the path, «Статья N.» / «N-бап» open articles,
/// «1.» points, «1)» subpoints; notes attach to the open top-level norm; annexes number their points afresh.
/// </summary>
internal sealed class NormStructure
{
    /// <summary>Part, section, chapter, paragraph.</summary>
    private const int Levels = 4;

    /// <summary>A title after a bare «Раздел I.» on its own line is short; a longer paragraph is text.</summary>
    private const int MaxDetachedTitle = 200;

    /// <summary>«УТВЕРЖДЕНО ...» blocks are short; a long paragraph that starts like one is text.</summary>
    private const int MaxAnnexMark = 300;

    /// <summary>Lines of a signature block («Республики Казахстан», «К. ТОКАЕВ») are short.</summary>
    private const int MaxSignatureLine = 40;

    /// <summary>«УТВЕРЖДЕНО / Указом Президента / Республики Казахстан / от ... № ... / ПОЛОЖЕНИЕ / о ...».</summary>
    private const int MaxAnnexHeaderLines = 8;

    private readonly string actId;
    private readonly bool splitArticleTitleAtColon;
    private readonly bool hasArticles;
    private readonly string?[] levels = new string?[Levels];
    private readonly List<NormDraft> topLevel = [];
    private readonly List<string> preamble = [];
    private readonly List<Footnote> actFootnotes = [];
    private readonly List<EditorialNote> actNotes = [];
    private HashSet<string> topNumbers = new(StringComparer.Ordinal);
    private NormDraft? article;
    private NormDraft? point;
    private int annex;
    private string? annexTitle;
    private List<string>? annexHeader;
    private List<string> annexProse = [];
    private int scopeNorms;
    private bool scopeHasHeading;
    private int? detachedTitleLevel;
    private int headingLength;
    private bool signature;
    private (List<EditorialNote> Notes, int Index, bool HeadOnly)? openNote;
    private (List<Footnote> Footnotes, int Index)? openFootnote;

    public NormStructure(string actId, IReadOnlyList<Paragraph> paragraphs, bool splitArticleTitleAtColon)
    {
        this.actId = actId;
        this.splitArticleTitleAtColon = splitArticleTitleAtColon;
        hasArticles = paragraphs.Any(p => AdiletPatterns.Article().IsMatch(p.Text));
        foreach (var paragraph in paragraphs)
        {
            Add(paragraph.Text);
        }

        CloseAnnex();
    }

    public IReadOnlyList<NormDraft> Norms => topLevel;

    public IReadOnlyList<string> Preamble => preamble;

    public IReadOnlyList<Footnote> ActFootnotes => actFootnotes;

    public IReadOnlyList<EditorialNote> ActNotes => actNotes;

    private NormDraft? Top => article ?? point;

    private string? AnnexId => annex == 0 ? null : annex.ToString(CultureInfo.InvariantCulture);

    private void Add(string text)
    {
        if (ContinuesNote(text) || ContinuesFootnote(text))
        {
            return;
        }

        openNote = null;
        openFootnote = null;
        if (InSignature(text))
        {
            return;
        }

        if (AdiletPatterns.EditorialNote().Match(text) is { Success: true } note)
        {
            var notes = Top?.EditorialNotes ?? actNotes;
            notes.Add(new EditorialNote(text));
            openNote = text.Length - note.Length < 3 ? (notes, notes.Count - 1, true) : null;
            return;
        }

        if (AdiletPatterns.Footnote().IsMatch(text))
        {
            if (Top is { } excluded && excluded.Paragraphs.Count == 0 && excluded.Parts.Count == 0 && AdiletPatterns.ExcludingFootnote().IsMatch(text))
            {
                excluded.Status = NormStatus.Excluded;
            }

            var footnotes = Top?.Footnotes ?? actFootnotes;
            footnotes.Add(FootnoteReader.Read(text));
            openFootnote = (footnotes, footnotes.Count - 1);
            return;
        }

        if (AdiletPatterns.Heading().Match(text) is { Success: true } heading)
        {
            AddHeading(text, heading);
            return;
        }

        if (detachedTitleLevel is { } level)
        {
            detachedTitleLevel = null;
            if (text.Length <= MaxDetachedTitle && !IsNumbered(text) && (levels[level]!.Length == headingLength || !text.Any(char.IsLower)))
            {
                levels[level] += " " + text;
                detachedTitleLevel = level;
                return;
            }
        }

        if (text.Length <= MaxAnnexMark && AdiletPatterns.AnnexStart().IsMatch(text) && !IsNumbered(text))
        {
            StartAnnex(text);
            return;
        }

        if (AdiletPatterns.Article().Match(text) is { Success: true } articleMatch)
        {
            CloseAnnexHeader();
            OpenArticle(articleMatch.Groups["n"].Value, articleMatch.Groups["title"].Value.Trim());
            return;
        }

        if (AdiletPatterns.Point().Match(text) is { Success: true } pointMatch && (article is not null || !hasArticles || annex > 0))
        {
            CloseAnnexHeader();
            OpenPoint(pointMatch.Groups["n"].Value, text, pointMatch.Groups["rest"].Value);
            return;
        }

        if (AdiletPatterns.Subpoint().Match(text) is { Success: true } subpointMatch && Top is not null)
        {
            OpenSubpoint(subpointMatch.Groups["n"].Value, text, subpointMatch.Groups["rest"].Value);
            return;
        }

        if (annexHeader is not null && Top is null)
        {
            // The approval block and the annex's name are a few short lines; what follows is the annex's text.
            if (annexHeader.Count < MaxAnnexHeaderLines && text.Length <= MaxDetachedTitle)
            {
                annexHeader.Add(text);
                return;
            }

            CloseAnnexHeader();
        }

        // Text after a list of subpoints («При этом ...») belongs to the point or article, not to the last subpoint.
        if (point is not null)
        {
            point.AddText(text);
        }
        else if (article is not null)
        {
            article.AddText(text);
        }
        else if (annex > 0)
        {
            annexProse.Add(text);
        }
        else
        {
            preamble.Add(text);
        }
    }

    /// <summary>
    /// The signature under an act («Президент / Республики Казахстан / К. ТОКАЕВ») is not the text of its last point:
    /// the office line and the short lines after it are left out, up to the next structural line.
    /// </summary>
    private bool InSignature(string text)
    {
        if (AdiletPatterns.Signature().IsMatch(text))
        {
            signature = true;
            return true;
        }

        signature = signature && text.Length <= MaxSignatureLine && !IsStructural(text);
        return signature;
    }

    /// <summary>A bare «Примечание ИЗПИ!» line: its text is the next paragraph, and the lines that finish its sentence.</summary>
    private bool ContinuesNote(string text)
    {
        if (openNote is not { } open || IsStructural(text) || (!open.HeadOnly && !ContinuesSentence(text)))
        {
            return false;
        }

        // A note broken over lines («… в редакции Закона РК от 09.01.2026» / «№ 257-VIII» / «(» / «вводится» / «в
        // действие …).») stays open until its sentence ends.
        var joined = open.Notes[open.Index].Text + " " + text;
        open.Notes[open.Index] = new EditorialNote(joined);
        openNote = joined.TrimEnd().EndsWith('.') ? null : (open.Notes, open.Index, false);
        return true;
    }

    /// <summary>«Сноска. По всему тексту:» followed by paragraphs «слова ... заменены ...».</summary>
    private bool ContinuesFootnote(string text)
    {
        if (openFootnote is not { } open || !ContinuesSentence(text) || IsStructural(text))
        {
            return false;
        }

        open.Footnotes[open.Index] = FootnoteReader.Read(open.Footnotes[open.Index].Text + " " + text);
        return true;
    }

    /// <summary>
    /// The rest of a sentence broken over lines: it goes on in lower case, with a law's number or its pieces («№ 349-VI»,
    /// «N 41», «154», «; от 02.03.1998 N»), or with the entry into force in brackets («(», «(вводится в действие…)»).
    /// </summary>
    private static bool ContinuesSentence(string text)
    {
        var first = text[0] == '(' && text.Length > 1 ? text[1] : text[0];
        return char.IsLower(first) || first is '№' or ';' or ',' || text == "(" || AdiletPatterns.LawNumberPiece().IsMatch(text);
    }

    private void AddHeading(string text, Match heading)
    {
        // An act without articles whose points ended before its first heading goes on with an annex that lost its
        // «УТВЕРЖДЕН» mark (a concept, rules): its points are numbered afresh, like a marked annex's.
        if (!hasArticles && scopeNorms > 0 && !scopeHasHeading)
        {
            StartAnnex(null);
        }

        scopeHasHeading = true;
        CloseAll();
        CloseAnnexHeader();
        var level = heading.Groups["part"].Success ? 0
            : heading.Groups["section"].Success ? 1
            : heading.Groups["chapter"].Success ? 2
            : 3;
        levels[level] = text;
        for (var deeper = level + 1; deeper < Levels; deeper++)
        {
            levels[deeper] = null;
        }

        // The title may follow on the next line: after a bare «Раздел I.», or as the wrapped rest of a title in capitals.
        detachedTitleLevel = level;
        headingLength = heading.Length;
    }

    private void OpenArticle(string number, string title)
    {
        CloseAll();
        string? rest = null;
        if (splitArticleTitleAtColon && title.IndexOf(':', StringComparison.Ordinal) is var colon and >= 0)
        {
            rest = title[(colon + 1)..].Trim();
            title = title[..colon].Trim();
        }

        var excluded = AdiletPatterns.Excluded().IsMatch(title);
        article = new NormDraft(new NormId(actId, TopNumber(number), annex: AnnexId), NormKind.Article, number, excluded ? null : title, Path(), null)
        {
            Status = excluded ? NormStatus.Excluded : NormStatus.Active,
        };
        if (excluded)
        {
            article.AddText(title);
        }

        topLevel.Add(article);
        scopeNorms++;
        if (!string.IsNullOrEmpty(rest))
        {
            Add(rest);
        }
    }

    private void OpenPoint(string number, string text, string rest)
    {
        NormDraft draft;
        if (article is not null)
        {
            draft = new NormDraft(article.Id.WithPoint(article.UniquePartNumber(number)), NormKind.Point, number, null, article.Path, article);
            article.Parts.Add(draft);
        }
        else
        {
            draft = new NormDraft(new NormId(actId, point: TopNumber(number), annex: AnnexId), NormKind.Point, number, null, Path(), null);
            topLevel.Add(draft);
            scopeNorms++;
        }

        point = draft;
        MarkExcluded(draft, rest);
        draft.AddText(text);
    }

    private void OpenSubpoint(string number, string text, string rest)
    {
        var parent = point ?? article!;
        var id = point is not null
            ? parent.Id.WithSubpoint(parent.UniquePartNumber(number))
            : new NormId(actId, parent.Id.Article, subpoint: parent.UniquePartNumber(number), annex: AnnexId);
        var subpoint = new NormDraft(id, NormKind.Subpoint, number, null, parent.Path, parent);
        parent.Parts.Add(subpoint);
        MarkExcluded(subpoint, rest);
        subpoint.AddText(text);
    }

    private static void MarkExcluded(NormDraft draft, string rest)
    {
        if (AdiletPatterns.Excluded().IsMatch(rest))
        {
            draft.Status = NormStatus.Excluded;
        }
    }

    /// <summary>
    /// The id number of a top-level norm. A table of contents lists «Статья N.» lines with no text before the body:
    /// when the body's article comes, the empty entry gives way, so every article is one norm. A number printed twice
    /// with text under both gets «_2» (see <see cref="NormDraft.UniqueNumber"/>).
    /// </summary>
    private string TopNumber(string number)
    {
        if (topNumbers.Contains(number))
        {
            var earlier = topLevel.FindIndex(norm => norm.Number == number && norm.Id.Annex == AnnexId && norm.IsEmpty && norm.Status == NormStatus.Active);
            if (earlier >= 0)
            {
                topLevel.RemoveAt(earlier);
                return number;
            }
        }

        return NormDraft.UniqueNumber(topNumbers, number);
    }

    private List<string> Path()
    {
        var path = new List<string>(Levels + 1);
        if (annexTitle is not null)
        {
            path.Add(annexTitle);
        }

        path.AddRange(levels.OfType<string>());
        return path;
    }

    private void CloseAll()
    {
        article = null;
        point = null;
    }

    private void StartAnnex(string? mark)
    {
        CloseAll();
        CloseAnnex();
        annex++;
        Array.Clear(levels);
        annexTitle = null;
        topNumbers = new HashSet<string>(StringComparer.Ordinal);
        annexHeader = mark is null ? null : [mark];
        annexProse = [];
        scopeNorms = 0;
        scopeHasHeading = false;
    }

    /// <summary>
    /// An annex with no numbered points at all (a concept in prose, a table) becomes one point holding its text,
    /// as a bulk record without points does, so that nothing of it is lost; with points, its loose text stays with
    /// the act's preamble.
    /// </summary>
    private void CloseAnnex()
    {
        CloseAnnexHeader();
        if (annex == 0 || annexProse.Count == 0)
        {
            return;
        }

        if (scopeNorms == 0)
        {
            var whole = new NormDraft(new NormId(actId, point: TopNumber("1"), annex: AnnexId), NormKind.Point, "1", null, Path(), null);
            annexProse.ForEach(whole.AddText);
            topLevel.Add(whole);
        }
        else
        {
            preamble.AddRange(annexProse);
        }

        annexProse = [];
    }

    private void CloseAnnexHeader()
    {
        if (annexHeader is not null)
        {
            annexTitle = string.Join(' ', annexHeader);
            annexHeader = null;
        }
    }

    private static bool IsNumbered(string text) =>
        AdiletPatterns.Point().IsMatch(text) || AdiletPatterns.Subpoint().IsMatch(text) || AdiletPatterns.Article().IsMatch(text);

    private static bool IsStructural(string text) =>
        IsNumbered(text)
        || AdiletPatterns.Heading().IsMatch(text)
        || AdiletPatterns.Footnote().IsMatch(text)
        || AdiletPatterns.EditorialNote().IsMatch(text)
        || AdiletPatterns.AnnexStart().IsMatch(text);
}
