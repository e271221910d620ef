using System.Text;
using Assistant.Core.Text;

namespace Assistant.Core.Acts;

/// <summary>
/// The catalog's acts by title, for references that name an act by its quoted title («статьи 10 Закона Республики
/// Казахстан «О правовых актах»», ««Нотариат туралы» Қазақстан Республикасы Заңының 32-бабы»): Russian and Kazakh
/// titles alike, told apart by the kind of act the reference names.
/// </summary>
public sealed class ActTitleIndex
{
    private readonly Dictionary<string, List<ActTitle>> _byTitle = new(StringComparer.Ordinal);

    public ActTitleIndex(IEnumerable<ActTitle> acts)
    {
        ArgumentNullException.ThrowIfNull(acts);
        foreach (var act in acts)
        {
            var key = Key(act.Title);
            if (key.Length == 0)
            {
                continue;
            }

            if (!_byTitle.TryGetValue(key, out var list))
            {
                _byTitle[key] = list = [];
            }

            if (!list.Exists(a => a.Id == act.Id))
            {
                list.Add(act);
            }
        }
    }

    /// <summary>The one act of this title (and kind, when named); null when none or more than one fits.</summary>
    public string? Find(string title, ActKind kind = ActKind.Unknown) => Fitting(title, kind) is [var one] ? one.Id : null;

    /// <summary>How many acts of the catalog fit the title and kind: 0 means the act is not in the catalog, 2 or more that the title is ambiguous.</summary>
    public int Count(string title, ActKind kind = ActKind.Unknown) => Fitting(title, kind).Count;

    private List<ActTitle> Fitting(string title, ActKind kind)
    {
        ArgumentNullException.ThrowIfNull(title);
        if (!_byTitle.TryGetValue(Key(title), out var candidates))
        {
            return [];
        }

        return kind == ActKind.Unknown ? candidates : candidates.FindAll(a => Fits(a.Kind, kind));
    }

    /// <summary>«Закон» names laws and constitutional laws; an act of unknown kind may be of any.</summary>
    private static bool Fits(ActKind actual, ActKind named) =>
        actual == named || actual == ActKind.Unknown || (named == ActKind.Law && actual == ActKind.ConstitutionalLaw);

    /// <summary>Folded, quotes and punctuation around it dropped, spaces collapsed.</summary>
    private static string Key(string title)
    {
        var folded = TextFolding.Fold(title);
        var key = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (c is '«' or '»' or '"' or '“' or '”' or '„')
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                if (key.Length > 0 && key[^1] != ' ')
                {
                    key.Append(' ');
                }

                continue;
            }

            key.Append(c);
        }

        return key.ToString().Trim(' ', '.', ',', ';');
    }
}
