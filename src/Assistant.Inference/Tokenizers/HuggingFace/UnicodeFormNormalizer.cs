using System.Text;

namespace Assistant.Inference.Tokenizers.HuggingFace;

/// <summary>The "NFC", "NFD", "NFKC" and "NFKD" normalizers.</summary>
internal sealed class UnicodeFormNormalizer(NormalizationForm form) : ITextNormalizer
{
    public string Normalize(string text) => UnicodeText.Normalize(text, form);
}
