using System.Text.RegularExpressions;

namespace Assistant.Core.Forecasts;

/// <summary>
/// The deadlines, amounts, ages, competent bodies and modalities a norm's text fixes, in Russian and Kazakh, numbers in
/// figures or in words. Patterns are tried kind by kind, amounts and ages before deadlines, so that «восемнадцати лет»
/// of an age is not read again as a period and «айлық есептік көрсеткіш» not as months.
/// </summary>
public static class NormValues
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private static readonly string Word = "(?:" + string.Join('|', NumberWords.Forms.Select(Regex.Escape)) + ")";

    /// <summary>A number in figures (with a multiplier word) or words, and a bracket repeating it: «десяти (10)», «10 (десяти)».</summary>
    private static readonly string Number =
        @"(?<![\p{L}\d])(?<n>(?:\d{1,3}(?:[ \u00A0]\d{3})+|\d+(?:[.,]\d+)?)(?:\s+(?:тысяч\w*|миллион\w*|миллиард\w*|мың|млн|млрд))?"
        + $@"|{Word}(?:[\s-]+{Word})*)(?![\p{{L}}\d])(?:\s*\([^()]{{1,40}}\))?";

    /// <summary>A number in figures or words run into the word after it: «восемнадцатилетнего», «16-летнего», «десятикратном».</summary>
    private static readonly string Compound = $@"(?<![\p{{L}}\d])(?<n>\d+|{Word})-?";

    private static readonly Pattern[] Patterns =
    [
        new(ValueKind.Amount, Compound + @"кратн\w*\s+размер\w*\s+(?:месячн\w*\s+расч[её]тн\w*\s+показател\w*|МРП)", _ => "mrp"),
        new(ValueKind.Amount, Number + @"\s+(?:месячн\w*\s+расч[её]тн\w*\s+показател\w*|МРП|айлық\s+есептік\s+көрсеткіш\w*|АЕК)(?![\p{L}])", _ => "mrp"),
        new(ValueKind.Amount, Number + @"\s+(?:тенге|теңге)(?![\p{L}])", _ => "kzt"),
        new(ValueKind.Amount, Number + @"\s*(?:процент\w*|%|пайыз\w*)", _ => "percent"),
        new(ValueKind.Age, Compound + @"летн\w*\s+возраст\w*", _ => "years"),
        new(ValueKind.Age, @"возраст\w*\s+(?:(?:до|от|старше|свыше|не\s+моложе|не\s+старше)\s+)?" + Number + @"\s+лет(?![\p{L}])", _ => "years"),
        new(ValueKind.Age, @"(?:достигш\w*|достижени\w*|достигнут\w*|старше|моложе|младше)\s+(?:возраста\s+)?" + Number + @"\s+лет(?![\p{L}])", _ => "years"),
        new(ValueKind.Age, Number + @"\s+жас(?:қа|тан|та|тағы|ы|ына|ынан|ында|тар\w*)?(?![\p{L}])", _ => "years"),
        new(
            ValueKind.Deadline,
            Number + @"\s+(?<u>(?:(?:рабоч|календарн)\w*\s+)?(?:дн(?:ей|я|ям|ями|и)|день|сут(?:ок|ки))|месяц\w*|недел\w*|год(?:а|у|ом)?|лет"
                + @"|час(?:а|ов)?|(?:(?:жұмыс|күнтізбелік)\s+)?күн\w*|ай(?!лық)\w*|апта\w*|жыл(?!ғы)\w*|сағат\w*|тәулік\w*)(?![\p{L}])",
            PeriodUnit),
        Body(@"Правительств\w+(?:\s+Республики\s+Казахстан)?|(?:Қазақстан\s+Республикасының\s+)?Үкімет\w*", "government"),
        Body(@"уполномоченн\w+\s+(?:государственн\w+\s+)?орган\w*|уәкілетті\s+(?:мемлекеттік\s+)?орган\w*", "authorized-body"),
        Body(@"местн\w+\s+исполнительн\w+\s+орган\w*|жергілікті\s+атқарушы\s+орган\w*", "local-executive-body"),
        Body(@"Национальн\w+\s+Банк\w*|Ұлттық\s+Банк\w*", "national-bank"),
        Body(@"Президент\w*\s+Республики\s+Казахстан|Қазақстан\s+Республикасының\s+Президент\w*", "president"),
        Body(@"маслихат\w*|мәслихат\w*", "maslikhat"),
        Body(@"акимат\w*|әкімдік\w*", "akimat"),
        Body(@"прокурор\w*", "prosecutor"),
        Body(@"суд(?:ом|а|у|е|ы|ов|ами|ам)?|сот(?:қа|тың|пен|ы|тар\w*|та)?", "court"),
        Modality(@"не\s+вправе|не\s+допуска(?:ет|ют)ся|не\s+разреша(?:ет|ют)ся|запреща(?:ет|ют)ся|запрещено|тыйым\s+салынады|жол\s+берілмейді|құқығы\s+жоқ|рұқсат\s+етілмейді|құқылы\s+емес", "prohibited"),
        Modality(@"вправе|допуска(?:ет|ют)ся|разреша(?:ет|ют)ся|құқылы|құқығы\s+бар|жол\s+беріледі|рұқсат\s+етіледі", "permitted"),
        Modality(@"обязан(?:а|о|ы)?|обязуются|обязуется|должен|должн(?:а|о|ы)|міндетті|тиіс", "obligatory"),
    ];

    /// <summary>The values of the text, in the order they stand.</summary>
    public static IReadOnlyList<NormValue> In(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var taken = new List<(int Start, int End, NormValue Value)>();
        foreach (var pattern in Patterns)
        {
            foreach (Match match in pattern.Regex.Matches(text))
            {
                if (taken.Exists(t => match.Index < t.End && t.Start < match.Index + match.Length) || pattern.Read(match) is not { } value)
                {
                    continue;
                }

                taken.Add((match.Index, match.Index + match.Length, value));
            }
        }

        return [.. taken.OrderBy(t => t.Start).Select(t => t.Value)];
    }

    private static string? PeriodUnit(Match match)
    {
        var unit = match.Groups["u"].Value.ToLowerInvariant();
        var working = unit.StartsWith("рабоч", StringComparison.Ordinal) || unit.StartsWith("жұмыс", StringComparison.Ordinal);
        var word = unit.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1];
        return word switch
        {
            _ when word.StartsWith("дн", StringComparison.Ordinal) || word == "день" || word.StartsWith("күн", StringComparison.Ordinal) => working ? "working-day" : "day",
            _ when word.StartsWith("сут", StringComparison.Ordinal) || word.StartsWith("тәулік", StringComparison.Ordinal) => "day",
            _ when word.StartsWith("недел", StringComparison.Ordinal) || word.StartsWith("апта", StringComparison.Ordinal) => "week",
            _ when word.StartsWith("месяц", StringComparison.Ordinal) || word.StartsWith("ай", StringComparison.Ordinal) => "month",
            _ when word.StartsWith("год", StringComparison.Ordinal) || word == "лет" || word.StartsWith("жыл", StringComparison.Ordinal) => "year",
            _ => "hour",
        };
    }

    private static Pattern Body(string words, string key) => new(ValueKind.Body, $@"(?<![\p{{L}}])(?:{words})(?![\p{{L}}])", _ => key);

    private static Pattern Modality(string words, string key) => new(ValueKind.Modality, $@"(?<![\p{{L}}])(?:{words})(?![\p{{L}}])", _ => key);

    private sealed class Pattern(ValueKind kind, string pattern, Func<Match, string?> unit)
    {
        public Regex Regex { get; } = new(pattern, Options);

        public NormValue? Read(Match match)
        {
            if (unit(match) is not { } found)
            {
                return null;
            }

            var phrase = match.Value.Trim();
            if (kind is ValueKind.Body or ValueKind.Modality)
            {
                return new NormValue(kind, 0, found, phrase, string.Empty);
            }

            var number = match.Groups["n"].Value;
            if (NumberWords.Read(number) is not { } quantity || quantity == 0)
            {
                return null;
            }

            // «от 23 ноября 2015 года», «2015 жылғы»: a date's year, not a period of two thousand years.
            return found == "year" && quantity >= 1000 ? null : new NormValue(kind, quantity, found, phrase, number);
        }
    }
}
