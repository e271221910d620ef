using System.Globalization;

namespace Assistant.Core.Drafts;

/// <summary>Ordinal words that number parts and paragraphs: «часть вторая», «абзацем третьим», «екінші бөлік».</summary>
public static class Ordinals
{
    // Longer stems first, so that «пятнадцатый» is not read as «пятый».
    private static readonly (string Stem, int Value)[] RussianStems =
    [
        ("одиннадцат", 11), ("двенадцат", 12), ("тринадцат", 13), ("четырнадцат", 14), ("пятнадцат", 15),
        ("шестнадцат", 16), ("семнадцат", 17), ("восемнадцат", 18), ("девятнадцат", 19), ("двадцат", 20),
        ("перв", 1), ("втор", 2), ("трет", 3), ("четверт", 4), ("пят", 5), ("шест", 6), ("седьм", 7),
        ("восьм", 8), ("девят", 9), ("десят", 10),
    ];

    private static readonly string[] KazakhWords =
    [
        "бірінші", "екінші", "үшінші", "төртінші", "бесінші", "алтыншы", "жетінші", "сегізінші", "тоғызыншы", "оныншы",
        "он бірінші", "он екінші", "он үшінші", "он төртінші", "он бесінші", "он алтыншы", "он жетінші", "он сегізінші",
        "он тоғызыншы", "жиырмасыншы",
    ];

    /// <summary>A regex alternation of the Russian ordinals in any case and gender.</summary>
    public static string RussianPattern { get; } = "(?:" + string.Join('|', RussianStems.Select(s => s.Stem)) + @")\w*";

    /// <summary>A regex alternation of the Kazakh ordinals, compound ones first.</summary>
    public static string KazakhPattern { get; } =
        "(?:" + string.Join('|', KazakhWords.OrderByDescending(w => w.Length).Select(w => w.Replace(" ", @"\s+", StringComparison.Ordinal))) + ")";

    /// <summary>The number an ordinal word names, or 0.</summary>
    public static int Read(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var folded = string.Join(' ', word.ToLower(CultureInfo.InvariantCulture).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var kazakh = Array.IndexOf(KazakhWords, folded);
        if (kazakh >= 0)
        {
            return kazakh + 1;
        }

        return RussianStems.FirstOrDefault(s => folded.StartsWith(s.Stem, StringComparison.Ordinal)).Value;
    }

    /// <summary>The Russian ordinal in the form a formula needs: «вторая» (feminine), «вторую», «второй», «вторым» and so on.</summary>
    public static string Russian(int value, OrdinalForm form)
    {
        if (value is < 1 or > 20)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Ordinals go from 1 to 20.");
        }

        var stem = RussianStems.First(s => s.Value == value).Stem;
        if (stem == "трет")
        {
            return form switch
            {
                OrdinalForm.Masculine => "третий",
                OrdinalForm.Feminine => "третья",
                OrdinalForm.FeminineAccusative => "третью",
                OrdinalForm.FeminineInstrumental => "третьей",
                OrdinalForm.MasculinePrepositional => "третьем",
                _ => "третьим",
            };
        }

        var stressed = stem is "втор" or "шест" or "седьм" or "восьм";
        return form switch
        {
            OrdinalForm.Masculine => stem + (stressed ? "ой" : "ый"),
            OrdinalForm.Feminine => stem + "ая",
            OrdinalForm.FeminineAccusative => stem + "ую",
            OrdinalForm.FeminineInstrumental => stem + "ой",
            OrdinalForm.MasculinePrepositional => stem + "ом",
            _ => stem + "ым",
        };
    }

    public static string Kazakh(int value) => value is >= 1 and <= 20
        ? KazakhWords[value - 1]
        : throw new ArgumentOutOfRangeException(nameof(value), value, "Ordinals go from 1 to 20.");
}

/// <summary>The forms of a Russian ordinal the formulas use.</summary>
public enum OrdinalForm
{
    /// <summary>«абзац второй».</summary>
    Masculine,

    /// <summary>«часть вторая».</summary>
    Feminine,

    /// <summary>«часть вторую изложить».</summary>
    FeminineAccusative,

    /// <summary>«дополнить частью второй».</summary>
    FeminineInstrumental,

    /// <summary>«дополнить абзацем вторым».</summary>
    MasculineInstrumental,

    /// <summary>«в абзаце втором».</summary>
    MasculinePrepositional,
}
