namespace Assistant.Inference.Tokenizers;

/// <summary>The special tokens an encoder model's input is framed and padded with.</summary>
/// <param name="Start">Added before the pieces (&lt;s&gt;, [CLS]) when special tokens are asked for; null: none.</param>
/// <param name="End">Added after the pieces (&lt;/s&gt;, [SEP]) when special tokens are asked for; null: none.</param>
public sealed record SpecialTokens(int? Start, int? End, int Padding, int Unknown);

/// <summary>Text to token ids and back, for one model's vocabulary (SentencePiece unigram or WordPiece).</summary>
public interface ITextTokenizer
{
    /// <summary>Number of tokens in the vocabulary, special ones included.</summary>
    int VocabularySize { get; }

    SpecialTokens Special { get; }

    /// <param name="addSpecialTokens">Frame the pieces with <see cref="SpecialTokens.Start"/> and <see cref="SpecialTokens.End"/>.</param>
    IReadOnlyList<int> Encode(string text, bool addSpecialTokens);

    string Decode(IReadOnlyList<int> ids);
}
