using System.Text.RegularExpressions;
using Assistant.Core.Acts;
using Assistant.Core.Drafts;

namespace Assistant.Core.Forecasts;

/// <summary>
/// Delegations in a draft's new text — «в порядке, определяемом Правительством Республики Казахстан», «правила,
/// утверждаемые уполномоченным органом», «Қазақстан Республикасының Үкіметі айқындайтын тәртіппен» — each a bylaw
/// to adopt or amend once the law is in force.
/// </summary>
public static partial class Delegations
{
    internal static List<FollowUpAct> Find(IEnumerable<AmendmentInstruction> instructions, Language language)
    {
        var found = new List<FollowUpAct>();
        foreach (var instruction in instructions)
        {
            var operation = instruction.Operation;
            var written = string.Join("\n", [.. operation.Content ?? [], operation.NewWords ?? string.Empty]);
            if (written.Length == 0)
            {
                continue;
            }

            var norm = (ForecastBuilder.AddedNorm(operation) ?? operation.Target.Norm)?.ToString() ?? operation.Target.ActId;
            found.AddRange(InText(written, language).Select(d => new FollowUpAct(norm, d.Body, d.Phrase, d.Sentence, [])));
        }

        return [.. found.DistinctBy(f => (f.Norm, f.Phrase))];
    }

    /// <summary>The delegations of a text: who adopts the bylaw, the delegating words and the sentence that holds them.</summary>
    public static IEnumerable<(string Body, string Phrase, string Sentence)> InText(string text, Language language)
    {
        ArgumentNullException.ThrowIfNull(text);
        var pattern = language == Language.Kk ? Kazakh() : Russian();
        foreach (Match match in pattern.Matches(text))
        {
            yield return (match.Groups["body"].Value.Trim(), match.Value.Trim(), Sentences.Around(text, match.Value));
        }
    }

    private const string RussianBody =
        @"(?<body>Правительств\w*\s+Республики\s+Казахстан|Президент\w*\s+Республики\s+Казахстан|Национальн\w*\s+Банк\w*(?:\s+Республики\s+Казахстан)?|уполномоченн\w*\s+орган\w*(?:\s+(?:в\s+(?:области|сфере)|по)\s+[а-яё\s-]{3,60}?(?=[,.;:)]|\s+и\s|\s+по\s+согласованию|$))?|центральн\w*\s+исполнительн\w*\s+орган\w*|местн\w*\s+исполнительн\w*\s+орган\w*|министерств\w*\s+[а-яё\s-]{3,40}?(?=[,.;:)]|$))";

    [GeneratedRegex(@"(?:в\s+порядке|в\s+случаях|в\s+сроки|по\s+форм\w*|по\s+перечню|согласно\s+перечню|правил\w*|перечн\w*|порядок|форм\w*|критери\w*|требовани\w*|методик\w*)\s*,?\s*(?:которые\s+|который\s+)?(?:определяем\w*|установленн\w*|утверждаем\w*|утвержденн\w*|разрабатываем\w*|устанавливаем\w*|определенн\w*|утверждаются|определяются|устанавливаются)\s+" + RussianBody, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Russian();

    [GeneratedRegex(@"(?<body>Қазақстан\s+Республикасының\s+Үкіметі|Қазақстан\s+Республикасының\s+Президенті|Ұлттық\s+Банк\w*|уәкілетті\s+орган\w*|орталық\s+атқарушы\s+орган\w*|жергілікті\s+атқарушы\s+орган\w*)\s+(?:айқындайтын|бекітетін|белгілейтін|бекіткен|айқындаған|белгілеген)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Kazakh();
}
