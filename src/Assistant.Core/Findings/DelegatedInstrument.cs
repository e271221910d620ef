using Assistant.Core.Acts;

namespace Assistant.Core.Findings;

/// <summary>
/// The kind of instrument a delegation asks for — rules, a list, a form, a methodology — and the words the title of
/// the act that adopts it says it with («Об утверждении Правил …», «… тізбесін бекіту туралы»). A bylaw whose title
/// shares the sentence's subject but names another instrument (a ministry's regulations, a list where a procedure is
/// delegated) implements something else.
/// </summary>
public static class DelegatedInstrument
{
    private static readonly (string Word, string[] Title)[] Russian =
    [
        ("в порядке", ["порядк", "правил"]),
        ("порядок", ["порядк", "правил"]),
        ("правил", ["правил", "порядк"]),
        ("перечн", ["перечн"]),
        ("по перечню", ["перечн"]),
        ("согласно перечню", ["перечн"]),
        ("по форм", ["форм"]),
        ("форм", ["форм"]),
        ("методик", ["методик"]),
        ("критери", ["критери"]),
        ("требовани", ["требовани"]),
    ];

    private static readonly (string Word, string[] Title)[] Kazakh =
    [
        ("тәртіп", ["тәртіб", "тәртіп", "қағида"]),
        ("қағида", ["қағида", "тәртіб", "тәртіп"]),
        ("тізбе", ["тізбе"]),
        ("нысан", ["нысан"]),
        ("әдістеме", ["әдістеме"]),
        ("өлшемшарт", ["өлшемшарт"]),
        ("талап", ["талап"]),
    ];

    /// <summary>How many words after a Kazakh delegation («… бекітетін үлгілік әдістемеде») may name the instrument.</summary>
    private const int KazakhWordsAfter = 3;

    /// <summary>
    /// Stems one of which the implementing act's title must hold; null when the delegation names no instrument
    /// («в случаях, определяемых …», «… белгілеген мерзімде»), and any title may serve.
    /// </summary>
    /// <param name="phrase">The delegating words, as <see cref="Forecasts.Delegations.InText"/> found them.</param>
    public static IReadOnlyList<string>? TitleStems(string phrase, string sentence, Language language)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        ArgumentNullException.ThrowIfNull(sentence);
        if (language == Language.Kk)
        {
            // Kazakh names the instrument after the verb: «уәкілетті орган бекітетін тізбеге сәйкес».
            var at = sentence.IndexOf(phrase, StringComparison.Ordinal);
            var after = at < 0 ? [] : sentence[(at + phrase.Length)..].Split([' ', ',', ';', '.', '"', '«', '»', '(', ')'], StringSplitOptions.RemoveEmptyEntries);
            foreach (var word in after.Take(KazakhWordsAfter))
            {
                var folded = word.ToLowerInvariant();
                foreach (var (stem, title) in Kazakh)
                {
                    if (folded.StartsWith(stem, StringComparison.Ordinal))
                    {
                        return title;
                    }
                }
            }

            return null;
        }

        var start = phrase.ToLowerInvariant();
        foreach (var (word, title) in Russian)
        {
            if (start.StartsWith(word, StringComparison.Ordinal))
            {
                return title;
            }
        }

        return null;
    }

    public static bool Names(string title, IReadOnlyList<string>? stems) =>
        stems is null || stems.Any(stem => title.Contains(stem, StringComparison.OrdinalIgnoreCase));
}
