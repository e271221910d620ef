namespace Assistant.Inference.Tokenizers.HuggingFace;

/// <summary>Reads the tokens a tokenizer.json "post_processor" puts around a single sequence.</summary>
internal static class PostProcessorReader
{
    public static (int? Start, int? End) ReadFraming(JsonNode node)
    {
        if (node.IsNull)
        {
            return (null, null);
        }

        return node.Type("post_processor", "TemplateProcessing", "BertProcessing", "RobertaProcessing", "Sequence") switch
        {
            "TemplateProcessing" => ReadTemplate(node),
            "Sequence" => ReadSequence(node.Required("processors")),
            _ => (ReadPairId(node.Required("cls")), ReadPairId(node.Required("sep"))),
        };
    }

    private static (int? Start, int? End) ReadSequence(JsonNode processors)
    {
        (int? Start, int? End) framing = (null, null);
        foreach (var processor in processors.Items())
        {
            var (start, end) = ReadFraming(processor);
            framing = (start ?? framing.Start, end ?? framing.End);
        }

        return framing;
    }

    // ["[CLS]", 101]
    private static int ReadPairId(JsonNode pair)
    {
        var items = pair.Items().ToList();
        return items.Count == 2 ? items[1].Int32() : throw pair.Unsupported("should be [token, id]");
    }

    // single: [{"SpecialToken": {"id": "[CLS]"}}, {"Sequence": {"id": "A"}}, {"SpecialToken": {"id": "[SEP]"}}]
    private static (int? Start, int? End) ReadTemplate(JsonNode node)
    {
        var single = node.Required("single");
        var specials = node.Property("special_tokens");
        var before = new List<int>();
        var after = new List<int>();
        var sequenceSeen = false;
        foreach (var item in single.Items())
        {
            var special = item.Property("SpecialToken");
            if (!special.IsNull)
            {
                (sequenceSeen ? after : before).Add(ReadSpecialId(specials, special.Required("id")));
            }
            else if (!item.Property("Sequence").IsNull && !sequenceSeen)
            {
                sequenceSeen = true;
            }
            else
            {
                throw item.Unsupported("should be one SpecialToken or the one Sequence");
            }
        }

        if (before.Count > 1 || after.Count > 1)
        {
            throw single.Unsupported("frames the sequence with more than one token on a side, which is not supported");
        }

        return (before.Count == 1 ? before[0] : null, after.Count == 1 ? after[0] : null);
    }

    private static int ReadSpecialId(JsonNode specials, JsonNode name)
    {
        var token = specials.Required(name.String());
        var ids = token.Required("ids").Items().ToList();
        return ids.Count == 1 ? ids[0].Int32() : throw token.Unsupported("maps to more than one id, which is not supported");
    }
}
