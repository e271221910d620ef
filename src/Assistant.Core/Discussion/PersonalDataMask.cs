using System.Text.RegularExpressions;
using Assistant.Core.Acts;

namespace Assistant.Core.Discussion;

/// <summary>
/// Replaces personal data in a comment with a placeholder in the comment's language: IINs, phone numbers, e-mail
/// addresses and names introduced by «меня зовут», «моё имя», «менің атым», «есімім». Patterns err towards masking:
/// a masked number that was not an IIN costs less than a published one that was.
/// </summary>
public static partial class PersonalDataMask
{
    public static MaskedText Apply(string text, Language language)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<PersonalDataKind>();
        var masked = Replace(text, Email(), PersonalDataKind.Email, language, found);
        masked = Replace(masked, Phone(), PersonalDataKind.Phone, language, found);
        masked = Replace(masked, Iin(), PersonalDataKind.Iin, language, found);
        masked = IntroducedName().Replace(masked, match =>
        {
            found.Add(PersonalDataKind.Name);
            return match.Groups["intro"].Value + Placeholder(PersonalDataKind.Name, language);
        });
        return new MaskedText(masked, [.. found.Distinct().Order()]);
    }

    private static string Replace(string text, Regex pattern, PersonalDataKind kind, Language language, List<PersonalDataKind> found) =>
        pattern.Replace(text, _ =>
        {
            found.Add(kind);
            return Placeholder(kind, language);
        });

    private static string Placeholder(PersonalDataKind kind, Language language) => (kind, language) switch
    {
        (PersonalDataKind.Iin, Language.Kk) => "[ЖСН жасырылды]",
        (PersonalDataKind.Iin, _) => "[ИИН скрыт]",
        (PersonalDataKind.Phone, Language.Kk) => "[телефон жасырылды]",
        (PersonalDataKind.Phone, _) => "[телефон скрыт]",
        (PersonalDataKind.Email, Language.Kk) => "[e-mail жасырылды]",
        (PersonalDataKind.Email, _) => "[e-mail скрыт]",
        (_, Language.Kk) => "[есімі жасырылды]",
        _ => "[имя скрыто]",
    };

    [GeneratedRegex(@"[\p{L}\p{N}._%+\-]+@[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)*\.\p{L}{2,}")]
    private static partial Regex Email();

    /// <summary>Kazakhstan's numbers: +7, 8 or 7 then ten digits, spaced, dashed or bracketed as people write them.</summary>
    [GeneratedRegex(@"(?<![\p{N}])(?:\+\s?7|8|7)[\s\-]?\(?\d{3}\)?[\s\-]?\d{3}[\s\-]?\d{2}[\s\-]?\d{2}(?![\p{N}])")]
    private static partial Regex Phone();

    /// <summary>Twelve digits standing alone (an IIN or a BIN), also written in groups of three or four.</summary>
    [GeneratedRegex(@"(?<![\p{N}])(?:\d{12}|\d{6}[\s\-]\d{6}|\d{4}[\s\-]\d{4}[\s\-]\d{4}|\d{3}[\s\-]\d{3}[\s\-]\d{3}[\s\-]\d{3})(?![\p{N}])")]
    private static partial Regex Iin();

    /// <summary>One to three capitalised words after an introduction, optionally after a dash or colon.</summary>
    [GeneratedRegex(@"(?<intro>\b(?i:меня\s+зовут|мо[её]\s+имя|менің\s+(?:атым|есімім)|атым|есімім)\s*[—–:\-]?\s*)\p{Lu}[\p{L}'’\-]+(?:\s+\p{Lu}[\p{L}'’\-]+){0,2}")]
    private static partial Regex IntroducedName();
}

/// <summary>A comment's text with its personal data replaced, and the kinds that were found.</summary>
public sealed record MaskedText(string Text, IReadOnlyList<PersonalDataKind> Found);
