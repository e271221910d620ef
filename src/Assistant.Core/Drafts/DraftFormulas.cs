using System.Text.RegularExpressions;
using Assistant.Core.Adilet;

namespace Assistant.Core.Drafts;

/// <summary>
/// The official formulas of amending laws, Russian and Kazakh, matched on a line's skeleton (see
/// <see cref="QuotedText"/>): quoted words appear as «0», «1»….
/// </summary>
internal static partial class DraftFormulas
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase;
    private const string Number = @"\d+(?:-\d+)*";

    /// <summary>«Статья 1.», «1-бап.»: an article of the draft itself.</summary>
    [GeneratedRegex(@"^(?:Статья\s+\d+\s?\.|\d+-бап\s?\.)\s*(?<rest>.*)$", Options)]
    public static partial Regex DraftArticle();

    /// <summary>«Внести в Трудовой кодекс … следующие изменения и дополнения:», «1. В Трудовой кодекс … :».</summary>
    [GeneratedRegex(@"^(?:\d+\.\s*)?(?:Внести\s+)?в\s+(?<act>.+?)\s+следующ\w+\s+(?:изменени|дополнени)\w*(?:\s+и\s+(?:изменени|дополнени)\w*)?\s*:?\s*$", Options)]
    public static partial Regex RussianActOpener();

    /// <summary>«Қазақстан Республикасының 2015 жылғы 23 қарашадағы Еңбек кодексіне мынадай өзгерістер мен толықтырулар енгізілсін:».</summary>
    [GeneratedRegex(@"^(?:\d+\.\s*)?(?<act>.+?)\s+мынадай\s+(?:өзгеріс|толықтыру)\w*(?:\s+(?:мен|және)\s+(?:өзгеріс|толықтыру)\w*)?\s+енгізілсін\s*:?\s*$", Options)]
    public static partial Regex KazakhActOpener();

    /// <summary>«1) …», «12) …»: an item of the list of instructions (not «2) тармақша», a Kazakh subpoint).</summary>
    [GeneratedRegex(@"^(?<n>\d+(?:-\d+)*)\)\s+(?!тармақша)(?<rest>.+)$", Options)]
    public static partial Regex Item();

    [GeneratedRegex(@"^(?<target>.*?)\s*изложить\s+в\s+(?:следующей|новой)\s+редакции\s*:?\s*(?<inline>«.*)?$", Options)]
    public static partial Regex RussianReplace();

    [GeneratedRegex(@"^(?<target>.*?)\s*мынадай\s+редакцияда\s+жазылсын\s*:?\s*(?<inline>«.*)?$", Options)]
    public static partial Regex KazakhReplace();

    [GeneratedRegex(@"^(?<target>.*?)\s*дополнить\s+(?<unit>стать(?:ей|ями)|глав(?:ой|ами)|подпункт(?:ом|ами)|пункт(?:ом|ами)|част(?:ью|ями)|абзац(?:ем|ами))\s+(?<n>.+?)\s+следующего\s+содержания\s*:?\s*(?<inline>«.*)?$", Options)]
    public static partial Regex RussianInsert();

    [GeneratedRegex(@"^(?<target>.*?)\s*мынадай\s+мазмұндағы\s+(?<spec>.+?)\s*толықтырылсын\s*:?\s*(?<inline>«.*)?$", Options)]
    public static partial Regex KazakhInsert();

    [GeneratedRegex(@"^(?<target>.+?)\s+признать\s+утративш\w+\s+силу\s*[;.]?$", Options)]
    public static partial Regex RussianRepeal();

    [GeneratedRegex(@"^(?<target>.+?)\s+күші\s+жойылды\s+деп\s+танылсын\s*[;.]?$", Options)]
    public static partial Regex KazakhRepeal();

    [GeneratedRegex(@"^(?<target>.+?)\s+исключить\s*[;.]?$", Options)]
    public static partial Regex RussianExclude();

    [GeneratedRegex(@"^(?<target>.+?)\s+алып\s+тасталсын\s*[;.]?$", Options)]
    public static partial Regex KazakhExclude();

    /// <summary>The word formulas, any number on a line; «x», «y» are the placeholders of the quoted words.</summary>
    [GeneratedRegex(@"после\s+(?:слов|слова|цифр|цифры|знака)\s+«(?<x>\d+)»\s+дополнить\s+(?:словами|словом|цифрами|цифрой|знаком|предложением|предложениями)\s+«(?<y>\d+)»"
        + @"|«(?<x>\d+)»\s+деген\s+(?:сөздерден|сөзден|цифрлардан|цифрдан|белгіден)\s+кейін\s+«(?<y>\d+)»\s+деген\s+(?:сөздермен|сөзбен|цифрлармен|цифрмен|сөйлеммен|сөйлемдермен)\s+толықтырылсын", Options)]
    public static partial Regex InsertWordsAfter();

    [GeneratedRegex(@"(?:слова|слово|цифры|цифру|цифра|знак)\s+«(?<x>\d+)»\s+заменить\s+(?:словами|словом|цифрами|цифрой|знаком)\s+«(?<y>\d+)»"
        + @"|«(?<x>\d+)»\s+деген\s+(?:сөздер|сөз|цифрлар|цифр|белгі)\s+«(?<y>\d+)»\s+деген\s+(?:сөздермен|сөзбен|цифрлармен|цифрмен|белгімен)\s+ауыстырылсын", Options)]
    public static partial Regex ReplaceWords();

    /// <summary>«слова «X1» и «X2» заменить словами соответственно «Y1» и «Y2»» / «… тиісінше … ауыстырылсын»: pairs, in order.</summary>
    [GeneratedRegex(@"(?:слова|цифры)\s+«(?<x>\d+)»(?:\s*,\s*«(?<x>\d+)»)*\s+и\s+«(?<x>\d+)»\s+заменить\s+(?:словами|цифрами)\s+соответственно\s+«(?<y>\d+)»(?:\s*,\s*«(?<y>\d+)»)*\s+и\s+«(?<y>\d+)»"
        + @"|«(?<x>\d+)»(?:\s*,\s*«(?<x>\d+)»)*\s+(?:және|мен)\s+«(?<x>\d+)»\s+деген\s+(?:сөздер|сөз|цифрлар)\s+тиісінше\s+«(?<y>\d+)»(?:\s*,\s*«(?<y>\d+)»)*\s+(?:және|мен)\s+«(?<y>\d+)»\s+деген\s+(?:сөздермен|сөзбен|цифрлармен)\s+ауыстырылсын", Options)]
    public static partial Regex ReplaceWordsRespectively();

    [GeneratedRegex(@"(?:слова|слово|цифры|цифру|цифра|знак)\s+«(?<x>\d+)»\s+исключить"
        + @"|«(?<x>\d+)»\s+деген\s+(?:сөздер|сөз|цифрлар|цифр|белгі)\s+алып\s+тасталсын", Options)]
    public static partial Regex ExcludeWords();

    [GeneratedRegex(@"(?<!«\d+»\s+)дополнить\s+(?:словами|словом|цифрами|цифрой|предложением|предложениями)\s+«(?<y>\d+)»"
        + @"|(?<!кейін\s+)«(?<y>\d+)»\s+деген\s+(?:сөздермен|сөзбен|цифрлармен|цифрмен|сөйлеммен|сөйлемдермен)\s+толықтырылсын", Options)]
    public static partial Regex AppendWords();

    // Levels named in a target phrase.
    [GeneratedRegex(@"(?<![\w-])стать(?:я|и|ю|е|ей|ями|ях)\s+(?<n>" + Number + @")(?![\d)])|(?<n>" + Number + @")-бап\w*", Options)]
    public static partial Regex Article();

    [GeneratedRegex(@"(?<![\w-])пункт(?:а|у|ом|е|ы)?\s+(?<n>" + Number + @")(?![\d)]|-\d)|(?<n>" + Number + @")-тарма(?:қ|ғ)(?!ша)\w*", Options)]
    public static partial Regex Point();

    [GeneratedRegex(@"подпункт(?:а|у|ом|е|ы)?\s+(?<n>" + Number + @")\)|(?<n>" + Number + @")\)\s*тармақша\w*", Options)]
    public static partial Regex Subpoint();

    [GeneratedRegex(@"(?<![\w-])глав(?:а|ы|у|е|ой)\s+(?<n>" + Number + @")|(?<n>" + Number + @")-тарау\w*", Options)]
    public static partial Regex Chapter();

    [GeneratedRegex(@"(?<![\w-])заголов(?:ок|ка|ке|ком)|тақырыб\w*|тақырып\w*", Options)]
    public static partial Regex Heading();

    public static Regex Part { get; } = new(
        @"(?<![\w-])част(?:ь|и|ью)\s+(?<o>" + Ordinals.RussianPattern + @")|(?<o>" + Ordinals.KazakhPattern + @")\s+бөлі(?:к|г)\w*", Options);

    public static Regex Paragraph { get; } = new(
        @"(?<![\w-])абзац(?:а|е|ем|ы)?\s+(?<o>" + Ordinals.RussianPattern + @")|(?<o>" + Ordinals.KazakhPattern + @")\s+абзац\w*", Options);

    /// <summary>The unit a Kazakh insertion adds: «1-1-тармақпен», «9-2) тармақшамен», «31-1-баппен», «төртінші бөлікпен».</summary>
    public static Regex KazakhUnit { get; } = new(
        @"^(?:(?<n>" + Number + @")\)\s*(?<sub>тармақша)\w*|(?<n>" + Number + @")-(?<kind>бап|тарау|тарма(?:қ|ғ))\w*|(?<o>" + Ordinals.KazakhPattern + @")\s+(?<kind>бөлі|абзац)\w*)", Options);

    /// <summary>A date in a target act's name: «от 23 ноября 2015 года», «2015 жылғы 23 қарашадағы».</summary>
    [GeneratedRegex(@"от\s+(?<d>\d{1,2})\s+(?<month>" + AdiletPatterns.RussianMonthNames + @")\s+(?<y>\d{4})|(?<y>\d{4})\s+жылғы\s+(?<d>\d{1,2})\s+(?<month>" + AdiletPatterns.KazakhMonthStems + ")", Options)]
    public static partial Regex ActDate();
}
