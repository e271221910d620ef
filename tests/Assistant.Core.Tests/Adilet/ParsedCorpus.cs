using System.Collections.Concurrent;
using Assistant.Core.Acts;
using Assistant.Core.Adilet;
using Assistant.Core.Norms;
using Assistant.Tests.Support;

namespace Assistant.Core.Tests.Adilet;

/// <summary>Adilet files of ../shared/corpus parsed once per test run: the big codes take a while.</summary>
internal static class ParsedCorpus
{
    private static readonly ConcurrentDictionary<string, Lazy<Act>> Acts = new(StringComparer.Ordinal);

    public static string RussianFile(string id) => SharedData.Path("corpus", "adilet", "ru", id + ".ru.txt");

    public static Act Russian(string id) => Parse(RussianFile(id));

    public static Act Kazakh(string id) => Parse(SharedData.Path("corpus", "adilet", "kk", id + ".kk.txt"));

    public static Norm Norm(this Act act, string id)
    {
        var normId = NormId.Parse(id);
        return act.Norms.SelectMany(norm => norm.SelfAndDescendants()).Single(norm => norm.Id == normId);
    }

    public static IEnumerable<Norm> AllNorms(this Act act) => act.Norms.SelectMany(norm => norm.SelfAndDescendants());

    private static Act Parse(string path) =>
        Acts.GetOrAdd(path, p => new Lazy<Act>(() => AdiletTextParser.ParseFile(p))).Value;
}
