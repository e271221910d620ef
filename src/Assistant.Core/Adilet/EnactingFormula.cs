using System.Text.RegularExpressions;
using Assistant.Core.Acts;

namespace Assistant.Core.Adilet;

/// <summary>
/// The enacting formula names the act's kind when its title does not (bulk titles are cut short):
/// «ПОСТАНОВЛЯЕТ:», «ПРИКАЗЫВАЮ:», «РЕШИЛ:», «БҰЙЫРАМЫН:», «ШЕШТІ:», «ҚАУЛЫ ЕТЕДІ:».
/// </summary>
internal static partial class EnactingFormula
{
    /// <summary>The formula is in the first few paragraphs.</summary>
    private const int Paragraphs = 4;

    public static ActKind KindOf(IReadOnlyList<Paragraph> paragraphs)
    {
        foreach (var paragraph in paragraphs.Take(Paragraphs))
        {
            var match = Formula().Match(paragraph.Text);
            if (match.Success)
            {
                return match.Groups["decree"].Success ? ActKind.Decree
                    : match.Groups["resolution"].Success ? ActKind.Resolution
                    : match.Groups["order"].Success ? ActKind.Order
                    : ActKind.Decision;
            }
        }

        return ActKind.Unknown;
    }

    [GeneratedRegex(@"(?<decree>ПОСТАНОВЛЯЮ|ҚАУЛЫ\s+ЕТЕМІН)|(?<resolution>ПОСТАНОВЛЯЕТ|ҚАУЛЫ\s+ЕТЕДІ)|(?<order>ПРИКАЗЫВАЮ|БҰЙЫРАМЫН)|(?<decision>РЕШИЛ|РЕШАЕТ|ШЕШТІ|ШЕШІМ\s+ҚАБЫЛДАДЫ)", RegexOptions.CultureInvariant)]
    private static partial Regex Formula();
}
