using Assistant.Inference.Tokenizers;

namespace Assistant.Inference.Embeddings;

/// <summary>The one place an embedding model folder's tokenizer file becomes an <see cref="ITextTokenizer"/>.</summary>
public static class TokenizerFile
{
    /// <exception cref="InvalidDataException">The file is of a kind not loaded yet, or not a unigram vocabulary.</exception>
    public static ITextTokenizer Load(string path) =>
        Path.GetExtension(path).Equals(".gguf", StringComparison.OrdinalIgnoreCase)
            ? UnigramTokenizer.FromGguf(path)
            : throw new InvalidDataException($"'{path}': only .gguf unigram vocabularies can be loaded as embedding tokenizers so far.");
}
