using Assistant.Inference.Llama;
using Assistant.Inference.Tokenizers;

namespace Assistant.Inference.Tests.Tokenizers;

/// <summary>
/// Two WordPiece GGUF vocabularies built from the corpus sample (uncased with accents stripped, and cased), each with
/// the C# tokenizer, llama.cpp's vocab-only model over the same file, and the equivalent tokenizer.json.
/// </summary>
public sealed class WordPieceVocabularies : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("wordpiece-").FullName;
    private readonly Lazy<Variant> uncased;
    private readonly Lazy<Variant> cased;

    public WordPieceVocabularies()
    {
        uncased = new(() => new Variant(directory, "uncased", BertVocabulary.Build(CorpusSample.Paragraphs, lowercase: true)));
        cased = new(() => new Variant(directory, "cased", BertVocabulary.Build(CorpusSample.Paragraphs, lowercase: false)));
    }

    public Variant Uncased => uncased.Value;

    public Variant Cased => cased.Value;

    public Variant this[string name] => name == "uncased" ? Uncased : Cased;

    public void Dispose()
    {
        foreach (var variant in new[] { uncased, cased }.Where(lazy => lazy.IsValueCreated))
        {
            variant.Value.Oracle.Dispose();
        }

        Directory.Delete(directory, recursive: true);
    }

    public sealed class Variant
    {
        internal Variant(string directory, string name, BertVocabulary vocabulary)
        {
            Vocabulary = vocabulary;
            GgufPath = Path.Combine(directory, $"{name}.gguf");
            JsonPath = Path.Combine(directory, $"{name}.tokenizer.json");
            vocabulary.WriteGguf(GgufPath);

            // No word-length limit here: llama.cpp has none, and the agreement tests compare the two.
            TokenizerJsonFiles.WriteWordPiece(JsonPath, vocabulary, maxInputCharsPerWord: int.MaxValue, bertProcessing: name == "cased");
            Tokenizer = WordPieceTokenizer.FromGguf(GgufPath);
            FromJson = WordPieceTokenizer.FromTokenizerJson(JsonPath);
            Oracle = LlamaModel.Load(new LlamaModelOptions { Path = GgufPath, VocabOnly = true });
        }

        internal BertVocabulary Vocabulary { get; }

        public string GgufPath { get; }

        public string JsonPath { get; }

        public WordPieceTokenizer Tokenizer { get; }

        public WordPieceTokenizer FromJson { get; }

        public LlamaModel Oracle { get; }
    }
}
