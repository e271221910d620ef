using System.Text;
using System.Text.RegularExpressions;

namespace Assistant.Inference.Tokenizers.HuggingFace;

/// <summary>Reads a tokenizer.json "normalizer" into its steps.</summary>
internal static class NormalizerReader
{
    public static ITextNormalizer? Read(JsonNode node)
    {
        if (node.IsNull)
        {
            return null;
        }

        return node.Type("normalizer", "Sequence", "Precompiled", "Replace", "Strip", "Prepend", "NFC", "NFD", "NFKC", "NFKD", "Lowercase", "StripAccents", "BertNormalizer") switch
        {
            "Sequence" => new NormalizerSequence([.. node.Required("normalizers").Items().Select(Read).OfType<ITextNormalizer>()]),
            "Precompiled" => ReadPrecompiled(node),
            "Replace" => new ReplaceNormalizer(ReadPattern(node.Required("pattern")), node.Required("content").String()),
            "Strip" => new StripNormalizer(node.Property("strip_left").OptionalBool() ?? false, node.Property("strip_right").OptionalBool() ?? false),
            "Prepend" => new PrependNormalizer(node.Required("prepend").String()),
            "NFC" => new UnicodeFormNormalizer(NormalizationForm.FormC),
            "NFD" => new UnicodeFormNormalizer(NormalizationForm.FormD),
            "NFKC" => new UnicodeFormNormalizer(NormalizationForm.FormKC),
            "NFKD" => new UnicodeFormNormalizer(NormalizationForm.FormKD),
            "Lowercase" => new LowercaseNormalizer(),
            "StripAccents" => new StripAccentsNormalizer(),
            _ => ReadBert(node),
        };
    }

    private static PrecompiledNormalizer? ReadPrecompiled(JsonNode node)
    {
        var charsMap = node.Property("precompiled_charsmap");
        if (charsMap.IsNull)
        {
            return null;
        }

        try
        {
            return new PrecompiledNormalizer(PrecompiledCharsMap.Parse(Convert.FromBase64String(charsMap.String())));
        }
        catch (FormatException exception)
        {
            throw new InvalidDataException($"tokenizer.json {charsMap.Path} is not base64: {exception.Message}", exception);
        }
    }

    private static Regex ReadPattern(JsonNode pattern)
    {
        var literal = pattern.Property("String");
        if (!literal.IsNull)
        {
            return new Regex(Regex.Escape(literal.String()), RegexOptions.CultureInvariant);
        }

        var regex = pattern.Property("Regex");
        if (regex.IsNull)
        {
            throw pattern.Unsupported("should hold a \"String\" or a \"Regex\"");
        }

        try
        {
            return new Regex(regex.String(), RegexOptions.CultureInvariant);
        }
        catch (ArgumentException exception)
        {
            throw new InvalidDataException($"tokenizer.json {regex.Path} = '{regex.String()}' is not a regular expression .NET reads: {exception.Message}", exception);
        }
    }

    // strip_accents left null follows lowercase, as in Hugging Face.
    private static BertNormalizer ReadBert(JsonNode node)
    {
        var lowercase = node.Property("lowercase").OptionalBool() ?? true;
        return new BertNormalizer(
            node.Property("clean_text").OptionalBool() ?? true,
            node.Property("handle_chinese_chars").OptionalBool() ?? true,
            node.Property("strip_accents").OptionalBool() ?? lowercase,
            lowercase);
    }
}
