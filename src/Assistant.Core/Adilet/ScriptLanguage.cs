using Assistant.Core.Acts;

namespace Assistant.Core.Adilet;

/// <summary>Tells Kazakh from Russian text by the letters only Kazakh uses (ә ғ қ ң ө ұ ү һ і).</summary>
public static class ScriptLanguage
{
    /// <summary>Kazakh when at least this share (per mille) of Cyrillic letters are Kazakh-only: Russian quotes Kazakh names.</summary>
    private const int KazakhPerMille = 10;

    /// <summary>Enough text to decide; a whole code need not be read.</summary>
    private const int SampleLength = 20_000;

    public static Language Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cyrillic = 0;
        var kazakh = 0;
        foreach (var c in text.AsSpan(0, Math.Min(text.Length, SampleLength)))
        {
            var lower = char.ToLowerInvariant(c);
            if (lower is >= 'а' and <= 'я' or 'ё')
            {
                cyrillic++;
            }
            else if (lower is 'ә' or 'ғ' or 'қ' or 'ң' or 'ө' or 'ұ' or 'ү' or 'һ' or 'і')
            {
                cyrillic++;
                kazakh++;
            }
        }

        return cyrillic > 0 && kazakh * 1000 >= cyrillic * KazakhPerMille ? Language.Kk : Language.Ru;
    }
}
