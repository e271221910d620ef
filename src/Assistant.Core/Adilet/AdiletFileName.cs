using Assistant.Core.Acts;

namespace Assistant.Core.Adilet;

/// <summary>The act id and language an Adilet file's name carries: «K1500000414.ru.txt» → K1500000414, ru.</summary>
/// <param name="Language">Null when the name does not say («K1500000414.txt»).</param>
public readonly record struct AdiletFileName(string ActId, Language? Language)
{
    public static AdiletFileName Parse(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var name = System.IO.Path.GetFileName(path);
        if (name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
        {
            name = name[..^4];
        }

        var dot = name.LastIndexOf('.');
        if (dot > 0 && LanguageCodes.TryParse(name[(dot + 1)..], out var language))
        {
            return new AdiletFileName(name[..dot], language);
        }

        return new AdiletFileName(name, null);
    }
}
