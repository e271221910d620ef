using Assistant.Core.Acts;
using Assistant.Core.Adilet;

namespace Assistant.Core.Drafts;

/// <summary>
/// Finds the act an amending article names («Трудовой кодекс Республики Казахстан от 23 ноября 2015 года»,
/// «Закон Республики Казахстан от 6 апреля 2016 года «О правовых актах»»): the codes by their names, other acts by
/// the quoted title among the acts given, the date telling apart acts of one name.
/// </summary>
public sealed class ActResolver(IEnumerable<ActTitle>? acts = null)
{
    private readonly IReadOnlyList<ActTitle> acts = acts?.ToArray() ?? [];

    /// <summary>The act's id, or the reason none or more than one act fits.</summary>
    public (string? ActId, string? Problem) Resolve(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var date = ReadDate(name);
        var known = KnownActs.FindByName(name).Where(act => date is null || act.AdoptedOn == date).ToArray();
        if (known.Length > 0)
        {
            // The most specific name comes first; acts of one name (two Budget codes) are told apart by the date.
            var sameName = known.Where(act => act.RussianTitle == known[0].RussianTitle).ToArray();
            return sameName.Length == 1 || date is not null
                ? (known[0].Id, null)
                : (null, $"ambiguous target: «{name}» names {string.Join(", ", sameName.Select(a => a.Id))}; give the act's date");
        }

        var quoted = QuotedText.Split(name)?.Quotes.FirstOrDefault(q => q.Length > 3);
        if (quoted is not null)
        {
            var titled = acts.Where(act => act.Title.Contains(quoted, StringComparison.OrdinalIgnoreCase) && (date is null || act.AdoptedOn is null || act.AdoptedOn == date))
                .Select(act => act.Id).Distinct(StringComparer.Ordinal).ToArray();
            if (titled.Length == 1)
            {
                return (titled[0], null);
            }

            if (titled.Length > 1)
            {
                return (null, $"ambiguous target: «{quoted}» is the title of {string.Join(", ", titled.Take(5))}");
            }
        }

        return (null, $"target act not found: «{name}» is neither a known code nor an act of the catalog");
    }

    private static DateOnly? ReadDate(string name) =>
        DraftFormulas.ActDate().Match(name) is { Success: true } match && AdiletPatterns.TryReadDate(match, out var date, out _) ? date : null;
}

