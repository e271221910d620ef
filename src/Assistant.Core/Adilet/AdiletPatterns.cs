using System.Globalization;
using System.Text.RegularExpressions;

namespace Assistant.Core.Adilet;

/// <summary>The printed forms of Adilet texts, in both languages; paragraphs are trimmed before matching.</summary>
internal static partial class AdiletPatterns
{
    private const RegexOptions Options = RegexOptions.CultureInvariant;

    /// <summary>Russian month names in the genitive («23 ноября»), January first, as a regex alternation.</summary>
    public const string RussianMonthNames = "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря";

    /// <summary>Kazakh month stems («23 қарашадағы»), January first, as a regex alternation.</summary>
    public const string KazakhMonthStems = "қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан";

    private static readonly string[] RussianMonths = RussianMonthNames.Split('|');

    private static readonly string[] KazakhMonths = KazakhMonthStems.Split('|');

    /// <summary>«Статья 14-1. Title», «Статья 1.», «Статья 1» (1995 Constitution), «14-1-бап. Title»; treaties number articles «Статья IV», «IV бап».</summary>
    [GeneratedRegex(@"^(?:Статья\s+(?<n>\d+(?:-\d+)*|[IVXLC]+)(?:\.\s*|\s*$)|(?<n>\d+(?:-\d+)*|[IVXLC]+)-?\s?бап(?:\.\s*|\s+|$))(?<title>.*)$", Options | RegexOptions.Singleline)]
    public static partial Regex Article();

    /// <summary>«1. text», «3-1. text».</summary>
    [GeneratedRegex(@"^(?<n>\d+(?:-\d+)*)\.(?:\s+|$)(?<rest>.*)$", Options | RegexOptions.Singleline)]
    public static partial Regex Point();

    /// <summary>«1) text», «1-4) text».</summary>
    [GeneratedRegex(@"^(?<n>\d+(?:-\d+)*)\)(?:\s*)(?<rest>.*)$", Options | RegexOptions.Singleline)]
    public static partial Regex Subpoint();

    /// <summary>
    /// Part, section, chapter and paragraph headings, level by level; a subsection («ПОДРАЗДЕЛ 3.» of the Civil
    /// procedure code), a «§ 3.» and a Roman-numbered heading within a chapter («II. Хозяйственное товарищество») are
    /// read as paragraphs.
    /// </summary>
    [GeneratedRegex(@"^(?:(?<part>(?:ОБЩАЯ|ОСОБЕННАЯ|Общая|Особенная)\s+(?:ЧАСТЬ|часть)|(?:ЖАЛПЫ|ЕРЕКШЕ)\s+БӨЛІМ)\s*$|(?<section>(?:Раздел|РАЗДЕЛ)\s+[\dIVXLC]+(?:-\d+)?\.?|[\dIVXLC]+(?:-\d+)?(?:-|\s+)(?:бөлім|БӨЛІМ)\.?)|(?<chapter>(?:Глава|ГЛАВА)\s+\d+(?:-\d+)*\.?|\d+(?:-\d+)*-(?:тарау|ТАРАУ)\.?)|(?<paragraph>(?:Параграф|ПАРАГРАФ|Подраздел|ПОДРАЗДЕЛ|§)\s*\d+(?:-\d+)*\.?|\d+(?:-\d+)*-(?:параграф|ПАРАГРАФ)\.?|[IVX]{1,4}\.(?=\s+\p{Lu})))(?:\s+|$)", Options)]
    public static partial Regex Heading();

    /// <summary>«Сноска.», «Ескерту.»: amendment footnotes.</summary>
    [GeneratedRegex(@"^(?:Сноска|Ескерту)\s*\.", Options)]
    public static partial Regex Footnote();

    /// <summary>Publisher's notes, and the Constitutional Court's rulings on a norm printed under it: never norm text.</summary>
    [GeneratedRegex(@"^(?:Примечание\s+(?:ИЗПИ|РЦПИ)\s*!|Нормативным\s+постановлением\s+Конституционного\s+Суда\s|Вниманию\s+пользователей\s*!|Примечание\.\s+См\.|(?:ҚР\s+)?(?:ЗҒАИ|РҚАО)-ның\s+ескертпесі\s*[!.]|Пайдаланушылардың\s+назарына\s*!)", Options)]
    public static partial Regex EditorialNote();

    /// <summary>An annex begins: «УТВЕРЖДЕН(О/А/Ы)», «Приложение 2 к ...», «... бекітілген», «1-қосымша», «... бұйрығына 1-қосымша».</summary>
    [GeneratedRegex(@"^(?:УТВЕРЖДЕН[АОЫ]?|Утвержден[аоы]?(?:\s|$)|Приложение(?:\s+№?\s*\d+)?(?:\s+к\s|\s*$)|\d+-қосымша|Қосымша\s*$|.{0,250}\s(?:\d+-)?қосымша\s*$|.{0,250}\sбекітілген\s*$|БЕКІТІЛГЕН)", Options)]
    public static partial Regex AnnexStart();

    /// <summary>«Исключена Законом ...», «исключен», «алып тасталды»: an excluded norm.</summary>
    [GeneratedRegex(@"^(?:\(?[Ии]сключен[аоы]?\b|.{0,80}[Аа]лып\s+тасталды)", Options)]
    public static partial Regex Excluded();

    /// <summary>«Сноска. Статья 117 исключена Законом ...»: the footnote that is all that is left of an excluded norm.</summary>
    [GeneratedRegex(@"^(?:Сноска|Ескерту)\s*\.\s*[^.;]{0,60}?(?:[Ии]сключен|алып\s+тасталды)", Options)]
    public static partial Regex ExcludingFootnote();

    /// <summary>The signer's office that opens a signature block: «Президент / Республики Казахстан / К. ТОКАЕВ».</summary>
    [GeneratedRegex(@"^(?:(?:Президент|Премьер-Министр)(?:\s+Республики\s+Казахстан)?|Қазақстан\s+Республикасының\s+(?:Президенті|Премьер-Министрі))$", Options)]
    public static partial Regex Signature();

    /// <summary>Runs of spaces that «pdftotext -layout» leaves in justified lines.</summary>
    [GeneratedRegex(@" {2,}", Options)]
    public static partial Regex SpaceRun();

    /// <summary>
    /// The amending act in a footnote: «Законом РК от 01.07.2021 № 61-VII», «ҚР 2021.07.01 № 61-VII Заңымен»,
    /// «ҚР Үкіметінің 15.11.2017№ 745 қаулысымен» (Kazakh footnotes name the act after its date and number).
    /// </summary>
    [GeneratedRegex(@"(?:(?<act>(?:[Кк]онституционн(?:ым|ого|ыми)\s+)?(?:[Зз]акон(?:ом|ами|а|ов)?|[Уу]каз(?:ом|ами|а|ов)?(?:\s+Президента)?|[Пп]остановлени(?:ем|ями|я|й)(?:\s+Правительства)?|[Кк]одекс(?:ом|а))\s+(?:РК|Республики\s+Казахстан)\s+)?(?:от\s+)?(?<d>\d{2})\.(?<m>\d{2})\.(?<y>\d{4})\s*(?:№|N)\s*(?<no>[\w\-/]+)|ҚР\s+(?<y>\d{4})\.(?<m>\d{2})\.(?<d>\d{2})\s*№\s*(?<no>[\w\-/]+))", Options)]
    public static partial Regex AmendingAct();

    /// <summary>«от 23 ноября 2015 года», «15 марта 2026 года».</summary>
    [GeneratedRegex(@"(?<d>\d{1,2})\s+(?<month>" + RussianMonthNames + @")\s+(?<y>\d{4})\s+года", Options | RegexOptions.IgnoreCase)]
    public static partial Regex RussianDate();

    /// <summary>«2015 жылғы 23 қарашадағы».</summary>
    [GeneratedRegex(@"(?<y>\d{4})\s+жылғы\s+(?<d>\d{1,2})\s+(?<month>" + KazakhMonthStems + ")", Options | RegexOptions.IgnoreCase)]
    public static partial Regex KazakhDate();

    /// <summary>
    /// The date a match of <see cref="RussianDate"/>, <see cref="KazakhDate"/> or a pattern with the same groups
    /// (y, month, d) names; false, with the parts read, when that day does not exist.
    /// </summary>
    public static bool TryReadDate(Match match, out DateOnly date, out (int Year, int Month, int Day) parts)
    {
        var name = match.Groups["month"].Value.ToLowerInvariant();
        var month = Array.IndexOf(RussianMonths, name) is var ru and >= 0 ? ru + 1 : Array.IndexOf(KazakhMonths, name) + 1;
        parts = (int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture), month, int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture));
        var valid = parts.Year >= 1 && parts.Day >= 1 && parts.Day <= DateTime.DaysInMonth(parts.Year, month);
        date = valid ? new DateOnly(parts.Year, month, parts.Day) : default;
        return valid;
    }

    /// <summary>The act's number: «№ 414-V ЗРК», «N 132», «№ 414-V ҚРЗ».</summary>
    [GeneratedRegex(@"(?:№|\bN)\s*(?<no>\d[\w\-/]*(?:\s+(?:ЗРК|ҚРЗ))?)", Options)]
    public static partial Regex ActNumber();

    /// <summary>A line that begins with a piece of a law's number when a footnote is broken: «154», «N 41», «239-IV», «154; от 02.03.1998 N».</summary>
    [GeneratedRegex(@"^(?:N\s*)?\d+(?:-[IVXІ]+)?\s*(?:[;,)]|$)", Options)]
    public static partial Regex LawNumberPiece();

    /// <summary>
    /// Lines and inline runs that separate paragraphs in bulk texts («\u00A0   » in the 2024 codes), and the spaces
    /// before a footnote the export glued to the end of the text («…опубликования).  Сноска. Статья 19 …»).
    /// </summary>
    [GeneratedRegex(@"\r?\n|\u00A0[ \t\u00A0]{2,}|(?<=[.);])[ \t\u00A0]+(?=(?:Сноска|Ескерту)\s*\.\s)", Options)]
    public static partial Regex BulkParagraphBreak();
}
