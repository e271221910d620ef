using System.Globalization;

namespace Assistant.Core.Forecasts;

/// <summary>
/// Numbers written in words, Russian in every case form («десять», «десяти», «десятью») and Kazakh («он», «он бес»),
/// read to their value: norms write their deadlines, ages and amounts so as often as in figures.
/// </summary>
internal static class NumberWords
{
    private static readonly Dictionary<string, decimal> Units = Build();

    private static readonly Dictionary<string, decimal> Multipliers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["тысяча"] = 1_000,
        ["тысячи"] = 1_000,
        ["тысяч"] = 1_000,
        ["тысячу"] = 1_000,
        ["тысячей"] = 1_000,
        ["тысячам"] = 1_000,
        ["миллион"] = 1_000_000,
        ["миллиона"] = 1_000_000,
        ["миллионов"] = 1_000_000,
        ["миллионам"] = 1_000_000,
        ["миллиард"] = 1_000_000_000,
        ["миллиарда"] = 1_000_000_000,
        ["миллиардов"] = 1_000_000_000,
        ["мың"] = 1_000,
        ["млн"] = 1_000_000,
        ["млрд"] = 1_000_000_000,
    };

    /// <summary>Every word form, longest first, for a regex alternation.</summary>
    public static IEnumerable<string> Forms => Units.Keys.Concat(Multipliers.Keys).OrderByDescending(w => w.Length).ThenBy(w => w, StringComparer.Ordinal);

    public static bool IsNumberWord(string word) => Units.ContainsKey(word) || Multipliers.ContainsKey(word);

    /// <summary>
    /// The value of a number as printed: figures («10», «1 000», «2,5»), words («двадцати пяти», «он бес»), or figures
    /// with a multiplier word («5 миллионов»); null when it is none of them.
    /// </summary>
    public static decimal? Read(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        decimal total = 0;
        decimal current = 0;
        var any = false;
        foreach (var word in number.Split([' ', '\u00A0', '-'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (decimal.TryParse(word.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var figure))
            {
                // «1 000 000»: groups of three figures continue the number before them.
                current = any && word.Length == 3 && current > 0 ? (current * 1000) + figure : current + figure;
            }
            else if (Multipliers.TryGetValue(word, out var multiplier))
            {
                total += (current == 0 ? 1 : current) * multiplier;
                current = 0;
            }
            else if (Units.TryGetValue(word, out var value))
            {
                current += value;
            }
            else
            {
                return null;
            }

            any = true;
        }

        return any ? total + current : null;
    }

    private static Dictionary<string, decimal> Build()
    {
        var words = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
        void Add(decimal value, params string[] forms)
        {
            foreach (var form in forms)
            {
                words[form] = value;
            }
        }

        Add(1, "один", "одного", "одному", "одним", "одном", "одна", "одной", "одну", "одно");
        Add(1.5m, "полутора");
        Add(2, "два", "две", "двух", "двум", "двумя", "дву");
        Add(3, "три", "трех", "трёх", "трем", "трём", "тремя");
        Add(4, "четыре", "четырех", "четырёх", "четырем", "четырьмя");
        Add(8, "восемь", "восьми", "восемью", "восьмью");
        Add(40, "сорок", "сорока");
        Add(90, "девяносто", "девяноста");
        Add(100, "сто", "ста");
        Add(200, "двести", "двухсот", "двумстам");

        // The numbers whose forms are a stem and «ь», «и», «ью».
        var stems = new (decimal Value, string Stem)[]
        {
            (5, "пят"), (6, "шест"), (7, "сем"), (9, "девят"), (10, "десят"), (11, "одиннадцат"), (12, "двенадцат"), (13, "тринадцат"),
            (14, "четырнадцат"), (15, "пятнадцат"), (16, "шестнадцат"), (17, "семнадцат"), (18, "восемнадцат"), (19, "девятнадцат"),
            (20, "двадцат"), (30, "тридцат"),
        };
        foreach (var (value, stem) in stems)
        {
            Add(value, stem + "ь", stem + "и", stem + "ью");
        }

        Add(50, "пятьдесят", "пятидесяти", "пятьюдесятью");
        Add(60, "шестьдесят", "шестидесяти");
        Add(70, "семьдесят", "семидесяти");
        Add(80, "восемьдесят", "восьмидесяти");
        Add(300, "триста", "трехсот", "трёхсот");
        Add(400, "четыреста", "четырехсот", "четырёхсот");
        Add(500, "пятьсот", "пятисот");
        Add(600, "шестьсот", "шестисот");
        Add(700, "семьсот", "семисот");
        Add(800, "восемьсот", "восьмисот");
        Add(900, "девятьсот", "девятисот");

        Add(1, "бір");
        Add(2, "екі");
        Add(3, "үш");
        Add(4, "төрт");
        Add(5, "бес");
        Add(6, "алты");
        Add(7, "жеті");
        Add(8, "сегіз");
        Add(9, "тоғыз");
        Add(10, "он");
        Add(20, "жиырма");
        Add(30, "отыз");
        Add(40, "қырық");
        Add(50, "елу");
        Add(60, "алпыс");
        Add(70, "жетпіс");
        Add(80, "сексен");
        Add(90, "тоқсан");
        Add(100, "жүз");
        return words;
    }
}
