using System.Globalization;
using System.Text;

namespace Assistant.Core.Acts;

/// <summary>
/// The date and number an act was adopted under. The bulk sources give the Russian and the Kazakh version of an act
/// different ids, so this is what shows that two records are one act.
/// </summary>
/// <param name="Number">The number's digits and Latin letters, lower case: «№ 414-V ЗРК» and «№ 414-V ҚРЗ» both
/// give «414v», «№ 25/13» and «№ 25 13» both «2513».</param>
public readonly record struct ActRegistration(DateOnly AdoptedOn, string Number)
{
    /// <summary>The act's registration, or null when its date or a number with a digit is not known.</summary>
    public static ActRegistration? Of(Act act)
    {
        ArgumentNullException.ThrowIfNull(act);
        return Of(act.AdoptedOn, act.Number);
    }

    /// <summary>The registration of an act adopted on <paramref name="adoptedOn"/> under the printed <paramref name="number"/>.</summary>
    public static ActRegistration? Of(DateOnly? adoptedOn, string? number) =>
        adoptedOn is { } date && number is not null && NumberKey(number) is { } key
            ? new ActRegistration(date, key)
            : null;

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{AdoptedOn:yyyy-MM-dd} №{Number}");

    /// <summary>
    /// Cyrillic suffixes name the act's kind in one language («ЗРК», «-р» for a Russian распоряжение, «-ө» for its
    /// Kazakh өкім), so only digits and Latin letters (Roman numerals of the convocation) are kept; the Kazakh «І» is
    /// read as a Roman one.
    /// </summary>
    private static string? NumberKey(string number)
    {
        var key = new StringBuilder(number.Length);
        foreach (var c in number)
        {
            var folded = c is 'І' or 'і' ? 'i' : char.ToLowerInvariant(c);
            if (char.IsAsciiDigit(folded) || char.IsAsciiLetterLower(folded))
            {
                key.Append(folded);
            }
        }

        return key.Length > 0 && char.IsAsciiDigit(key[0]) ? key.ToString() : null;
    }
}
