namespace Assistant.Inference.Tokenizers.HuggingFace;

/// <summary>Reads a tokenizer.json "pre_tokenizer" into its steps.</summary>
internal static class PreTokenizerReader
{
    public static ITextPreTokenizer? Read(JsonNode node)
    {
        if (node.IsNull)
        {
            return null;
        }

        return node.Type("pre_tokenizer", "Sequence", "Metaspace", "WhitespaceSplit", "BertPreTokenizer") switch
        {
            "Sequence" => new PreTokenizerSequence([.. node.Required("pretokenizers").Items().Select(Read).OfType<ITextPreTokenizer>()]),
            "Metaspace" => ReadMetaspace(node),
            "WhitespaceSplit" => new WhitespaceSplitPreTokenizer(),
            _ => new BertPreTokenizer(),
        };
    }

    /// <summary>The prepend scheme of a Metaspace pre-tokenizer or decoder: prepend_scheme, or the older add_prefix_space.</summary>
    public static PrependScheme ReadPrependScheme(JsonNode node)
    {
        var scheme = node.Property("prepend_scheme");
        if (scheme.IsNull)
        {
            return node.Property("add_prefix_space").OptionalBool() ?? true ? PrependScheme.Always : PrependScheme.Never;
        }

        return scheme.String() switch
        {
            "always" => PrependScheme.Always,
            "first" => PrependScheme.First,
            "never" => PrependScheme.Never,
            var other => throw scheme.Unsupported($"= '{other}': only always, first and never are known"),
        };
    }

    private static MetaspacePreTokenizer ReadMetaspace(JsonNode node)
    {
        var replacement = node.Property("replacement");
        var value = replacement.OptionalString() ?? "\u2581";
        if (value.Length != 1)
        {
            throw replacement.Unsupported($"= '{value}': the replacement must be one UTF-16 character");
        }

        return new MetaspacePreTokenizer(value[0], ReadPrependScheme(node), node.Property("split").OptionalBool() ?? true);
    }
}
