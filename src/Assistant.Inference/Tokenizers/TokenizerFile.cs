using Assistant.Inference.Llama.Gguf;
using Assistant.Inference.Tokenizers.HuggingFace;

namespace Assistant.Inference.Tokenizers;

/// <summary>Opens whichever tokenizer a file holds: a GGUF vocabulary or a Hugging Face tokenizer.json.</summary>
public static class TokenizerFile
{
    /// <summary>
    /// A .gguf file gives a <see cref="UnigramTokenizer"/> (tokenizer.ggml.model "t5") or a
    /// <see cref="WordPieceTokenizer"/> ("bert"); a .json file gives the tokenizer its model names (Unigram, WordPiece).
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is neither, or holds a tokenizer not supported here.</exception>
    public static ITextTokenizer Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The tokenizer file '{path}' does not exist.", path);
        }

        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return TokenizerJson.Load(path);
        }

        if (!path.EndsWith(".gguf", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException($"'{path}' is neither a .gguf vocabulary nor a tokenizer .json file.");
        }

        var metadata = GgufMetadata.Read(path);
        return metadata.GetString("tokenizer.ggml.model") switch
        {
            "t5" => UnigramTokenizer.FromGguf(metadata),
            "bert" => WordPieceTokenizer.FromGguf(metadata),
            null => throw new InvalidDataException($"'{path}' has no tokenizer.ggml.model."),
            var other => throw new InvalidDataException($"'{path}' has tokenizer model '{other}'; only 't5' (unigram) and 'bert' (WordPiece) are supported."),
        };
    }
}
