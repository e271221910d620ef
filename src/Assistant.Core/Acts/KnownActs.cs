using System.Text.RegularExpressions;
using Assistant.Core.Text;

namespace Assistant.Core.Acts;

/// <summary>The codes and the Constitution, with the names and abbreviations they are referred to by.</summary>
public static class KnownActs
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.Compiled;

    // «Кодекс Республики Казахстан об ...» and «Кодекс РК об ...» name the same act.
    private const string CodeOfRu = @"кодекс\w*\s+(?:республики\s+казахстан\s+|рк\s+)?";

    /// <summary>Most specific names first: «Уголовно-процессуальный кодекс» before «Уголовный кодекс».</summary>
    public static IReadOnlyList<KnownAct> All { get; } =
    [
        Code("K1400000231", 2014, 7, 4, "Уголовно-процессуальный кодекс Республики Казахстан", "Қазақстан Республикасының Қылмыстық-процестік кодексі",
            ["УПК", "ҚПК"], @"уголовно-процессуальн\w*\s+кодекс", @"қылмыстық-процестік\s+кодекс"),
        Code("K1400000234", 2014, 7, 5, "Уголовно-исполнительный кодекс Республики Казахстан", "Қазақстан Республикасының Қылмыстық-атқару кодексі",
            ["УИК", "ҚАК"], @"уголовно-исполнительн\w*\s+кодекс", @"қылмыстық-атқару\s+кодекс"),
        Code("K1400000226", 2014, 7, 3, "Уголовный кодекс Республики Казахстан", "Қазақстан Республикасының Қылмыстық кодексі",
            ["УК", "ҚК"], @"уголовн(?:ый|ого|ому|ым|ом)\s+кодекс", @"қылмыстық\s+кодекс"),
        Code("K1500000377", 2015, 10, 31, "Гражданский процессуальный кодекс Республики Казахстан", "Қазақстан Республикасының Азаматтық процестік кодексі",
            ["ГПК", "АПК"], @"гражданск\w*\s+процессуальн\w*\s+кодекс", @"азаматтық\s+процестік\s+кодекс"),
        Code("K990000409_", 1999, 7, 1, "Гражданский кодекс Республики Казахстан (Особенная часть)", "Қазақстан Республикасының Азаматтық кодексі (Ерекше бөлім)",
            ["ГК", "АК"], @"гражданск\w*\s+кодекс\w*[^.;]{0,40}\(особенная\s+часть\)", @"азаматтық\s+кодекс\w*[^.;]{0,40}\(ерекше\s+бөлім\)"),
        Code("K940001000_", 1994, 12, 27, "Гражданский кодекс Республики Казахстан (Общая часть)", "Қазақстан Республикасының Азаматтық кодексі (Жалпы бөлім)",
            ["ГК", "АК"], @"гражданск(?:ий|ого|ому|им|ом)\s+кодекс", @"азаматтық\s+кодекс"),
        Code("K1500000414", 2015, 11, 23, "Трудовой кодекс Республики Казахстан", "Қазақстан Республикасының Еңбек кодексі",
            ["ТК", "ЕК"], @"трудов\w*\s+кодекс", @"еңбек\s+кодекс"),
        Code("K1500000375", 2015, 10, 29, "Предпринимательский кодекс Республики Казахстан", "Қазақстан Республикасының Кәсіпкерлік кодексі",
            ["ПК", "КК"], @"предпринимательск\w*\s+кодекс", @"кәсіпкерлік\s+кодекс"),
        Code("K2000000350", 2020, 6, 29, "Административный процедурно-процессуальный кодекс Республики Казахстан", "Қазақстан Республикасының Әкімшілік рәсімдік-процестік кодексі",
            ["АППК", "ӘРПК"], @"административн\w*\s+процедурно-процессуальн\w*\s+кодекс", @"әкімшілік\s+рәсімдік-процестік\s+кодекс"),
        Code("K1400000235", 2014, 7, 5, "Кодекс Республики Казахстан об административных правонарушениях", "Әкімшілік құқық бұзушылық туралы Қазақстан Республикасының Кодексі",
            ["КоАП", "ӘҚБтК"], CodeOfRu + @"об\s+административных\s+правонарушениях", @"әкімшілік\s+құқық\s+бұзушылық\s+туралы\s+(?:қазақстан\s+республикасының\s+)?кодекс"),
        Code("K1100000518", 2011, 12, 26, "Кодекс Республики Казахстан о браке (супружестве) и семье", "Неке (ерлі-зайыптылық) және отбасы туралы Қазақстан Республикасының Кодексі",
            ["КоБС"], CodeOfRu + @"о\s+браке", @"неке\s*\(ерлі-зайыптылық\)\s+және\s+отбасы\s+туралы\s+(?:қазақстан\s+республикасының\s+)?кодекс"),
        Code("K2000000360", 2020, 7, 7, "Кодекс Республики Казахстан о здоровье народа и системе здравоохранения", "Халық денсаулығы және денсаулық сақтау жүйесі туралы Қазақстан Республикасының Кодексі",
            [], CodeOfRu + @"о\s+здоровье\s+народа", @"халық\s+денсаулығы\s+және\s+денсаулық\s+сақтау\s+жүйесі\s+туралы\s+(?:қазақстан\s+республикасының\s+)?кодекс"),
        Code("K030000442_", 2003, 6, 20, "Земельный кодекс Республики Казахстан", "Қазақстан Республикасының Жер кодексі",
            ["ЗК", "ЖК"], @"земельн\w*\s+кодекс", @"жер\s+кодекс"),
        Code("K030000481_", 2003, 7, 9, "Водный кодекс Республики Казахстан", "Қазақстан Республикасының Су кодексі",
            ["ВК"], @"водн\w*\s+кодекс", @"су\s+кодекс"),
        Code("K030000477_", 2003, 7, 8, "Лесной кодекс Республики Казахстан", "Қазақстан Республикасының Орман кодексі",
            ["ЛК"], @"лесн\w*\s+кодекс", @"орман\s+кодекс"),
        Code("K2100000400", 2021, 1, 2, "Экологический кодекс Республики Казахстан", "Қазақстан Республикасының Экологиялық кодексі",
            ["ЭК"], @"экологическ\w*\s+кодекс", @"экологиялық\s+кодекс"),
        Code("K2300000224", 2023, 4, 20, "Социальный кодекс Республики Казахстан", "Қазақстан Республикасының Әлеуметтік кодексі",
            ["СК", "ӘК"], @"социальн\w*\s+кодекс", @"әлеуметтік\s+кодекс"),
        Code("K2500000171", 2025, 3, 15, "Бюджетный кодекс Республики Казахстан", "Қазақстан Республикасының Бюджет кодексі",
            ["БК"], @"бюджетн\w*\s+кодекс", @"бюджет\s+кодекс"),
        Code("K080000095_", 2008, 12, 4, "Бюджетный кодекс Республики Казахстан", "Қазақстан Республикасының Бюджет кодексі",
            ["БК"], @"бюджетн\w*\s+кодекс", @"бюджет\s+кодекс"),
        Code("K1700000120", 2017, 12, 25, "Кодекс Республики Казахстан о налогах и других обязательных платежах в бюджет (Налоговый кодекс)", "Салық және бюджетке төленетін басқа да міндетті төлемдер туралы Қазақстан Республикасының Кодексі (Салық кодексі)",
            ["НК", "СК"], @"налогов\w*\s+кодекс|" + CodeOfRu + @"о\s+налогах", @"салық\s+кодекс"),
        new KnownAct("K2600000000", ActKind.Constitution, new DateOnly(2026, 3, 15), "Конституция Республики Казахстан", "Қазақстан Республикасының Конституциясы",
            ["КРК"], Pattern(@"конституци(?:я|и|ю|ей|ею)(?!\w)"), Pattern(@"конституция\w*")),
        new KnownAct("K950001000_", ActKind.Constitution, new DateOnly(1995, 8, 30), "Конституция Республики Казахстан", "Қазақстан Республикасының Конституциясы",
            ["КРК"], Pattern(@"конституци(?:я|и|ю|ей|ею)(?!\w)"), Pattern(@"конституция\w*")),
    ];

    /// <summary>Known acts whose name appears at the start of <paramref name="foldedText"/> (text folded by <see cref="TextFolding"/>).</summary>
    public static IEnumerable<(KnownAct Act, int Length)> MatchNameAt(string foldedText, int start, Language language)
    {
        ArgumentNullException.ThrowIfNull(foldedText);
        foreach (var act in All)
        {
            var match = (language == Language.Kk ? act.KazakhName : act.RussianName).Match(foldedText, start);
            if (match.Success && match.Index == start)
            {
                yield return (act, match.Length);
            }
        }
    }

    /// <summary>The first known act named anywhere in the text, in either language: the most specific name wins.</summary>
    public static IEnumerable<KnownAct> FindByName(string text)
    {
        var folded = TextFolding.Fold(text);
        return All.Where(act => act.RussianName.IsMatch(folded) || act.KazakhName.IsMatch(folded));
    }

    public static IEnumerable<KnownAct> FindByAbbreviation(string abbreviation) =>
        All.Where(act => act.Abbreviations.Contains(abbreviation, StringComparer.OrdinalIgnoreCase));

    public static KnownAct? FindById(string id) => All.FirstOrDefault(act => act.Id == id);

    /// <summary>
    /// The known act a differently keyed text of a code belongs to («Трудовой кодекс РК», edition 2024-03):
    /// the most specific name that matches the title and was already adopted at that edition.
    /// </summary>
    public static KnownAct? MatchTitle(string title, string? edition)
    {
        var folded = TextFolding.Fold(title);
        return All.FirstOrDefault(act =>
            (act.RussianName.IsMatch(folded) || act.KazakhName.IsMatch(folded))
            && (edition is null || string.CompareOrdinal(act.AdoptedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), edition) <= 0));
    }

    private static KnownAct Code(string id, int year, int month, int day, string russianTitle, string kazakhTitle, string[] abbreviations, string russianName, string kazakhName) =>
        new(id, ActKind.Code, new DateOnly(year, month, day), russianTitle, kazakhTitle, abbreviations, Pattern(russianName), Pattern(kazakhName));

    private static Regex Pattern(string pattern) => new(pattern, Options);
}
