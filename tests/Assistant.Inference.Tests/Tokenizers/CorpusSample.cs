using Assistant.Tests.Support;

namespace Assistant.Inference.Tests.Tokenizers;

/// <summary>Real paragraphs of ../shared/corpus: the Kazakh constitution and the start of two Russian codes.</summary>
internal static class CorpusSample
{
    public const int ParagraphsPerFile = 1_500;

    private static readonly string[] Files =
    [
        Path.Combine("kk", "K950001000_.kk.txt"),
        Path.Combine("ru", "K1400000226.ru.txt"),
        Path.Combine("ru", "K030000442_.ru.txt"),
    ];

    private static readonly Lazy<IReadOnlyList<string>> Loaded = new(() =>
        [.. Files.SelectMany(file => File.ReadLines(SharedData.Path("corpus", "adilet", file))
            .Where(line => !string.IsNullOrWhiteSpace(line))
            .Take(ParagraphsPerFile))]);

    public static IReadOnlyList<string> Paragraphs => Loaded.Value;
}
