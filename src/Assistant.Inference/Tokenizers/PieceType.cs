namespace Assistant.Inference.Tokenizers;

/// <summary>Token types as GGUF's tokenizer.ggml.token_type stores them (llama_token_type).</summary>
internal static class PieceType
{
    public const int Normal = 1;
    public const int Unknown = 2;
    public const int Control = 3;
    public const int UserDefined = 4;
    public const int Unused = 5;
    public const int Byte = 6;
}
