using System.Text.Json;

namespace Assistant.Inference.Tokenizers.HuggingFace;

/// <summary>
/// Builds tokenizers from a Hugging Face tokenizer.json: the model (Unigram or WordPiece), its normalizer,
/// pre-tokenizer, post-processor and decoder. Components not supported here are refused with their JSON path.
/// Added tokens are not matched in the input text (as llama.cpp does without parse_special): they only mark special
/// tokens, which Decode leaves out and the unigram search does not produce.
/// </summary>
internal static class TokenizerJson
{
    private const string Root = "$";

    public static ITextTokenizer Load(string path) => Read<ITextTokenizer>(path, root => root.Required("model").Type("model", "Unigram", "WordPiece") switch
    {
        "Unigram" => ToUnigram(root),
        _ => ToWordPiece(root),
    });

    public static UnigramTokenizer LoadUnigram(string path) => Read(path, root =>
    {
        root.Required("model").Type("model", "Unigram");
        return ToUnigram(root);
    });

    public static WordPieceTokenizer LoadWordPiece(string path) => Read(path, root =>
    {
        root.Required("model").Type("model", "WordPiece");
        return ToWordPiece(root);
    });

    private static T Read<T>(string path, Func<JsonNode, T> build)
    {
        JsonDocument document;
        try
        {
            using var stream = File.OpenRead(path);
            document = JsonDocument.Parse(stream, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"'{path}' is not JSON: {exception.Message}", exception);
        }

        using (document)
        {
            try
            {
                return build(new JsonNode(document.RootElement, Root));
            }
            catch (InvalidDataException exception)
            {
                throw new InvalidDataException($"'{path}': {exception.Message}", exception);
            }
        }
    }

    private static UnigramTokenizer ToUnigram(JsonNode root)
    {
        var model = root.Required("model");
        var vocab = model.Required("vocab");
        var entries = vocab.Items().Select(entry =>
        {
            var pair = entry.Items().ToList();
            return pair.Count == 2 ? (Piece: pair[0].String(), Score: pair[1].Single()) : throw entry.Unsupported("should be [piece, score]");
        }).ToList();
        var added = ReadAddedTokens(root.Property("added_tokens"));
        var outside = added.FirstOrDefault(token => token.Id >= entries.Count);
        if (outside.Content is not null)
        {
            throw vocab.Unsupported($"has no piece for the added token '{outside.Content}' (id {outside.Id}); added tokens must be in the vocabulary");
        }

        var unknownNode = model.Property("unk_id");
        var unknownId = unknownNode.IsNull ? throw unknownNode.Unsupported("is missing: a Unigram model needs an unknown token") : unknownNode.Int32();
        if ((uint)unknownId >= (uint)entries.Count)
        {
            throw unknownNode.Unsupported($"= {unknownId} is outside the vocabulary of {entries.Count}");
        }

        var silent = new bool[entries.Count];
        foreach (var token in added.Where(token => token.Special))
        {
            silent[token.Id] = true;
        }

        silent[unknownId] = true;
        var (start, end) = PostProcessorReader.ReadFraming(root.Property("post_processor"));
        var special = new SpecialTokens(start, end, ReadPaddingId(root, [.. entries.Select(entry => entry.Piece)]) ?? unknownId, unknownId);
        var pipeline = new TextPipeline(NormalizerReader.Read(root.Property("normalizer")), PreTokenizerReader.Read(root.Property("pre_tokenizer")));
        return UnigramTokenizer.FromPieces(
            entries,
            silent,
            model.Property("byte_fallback").OptionalBool() ?? false,
            pipeline,
            special,
            ReadDecoderStripsPrefix(root.Property("decoder")));
    }

    private static WordPieceTokenizer ToWordPiece(JsonNode root)
    {
        var model = root.Required("model");
        var vocabulary = model.Required("vocab").Properties().Select(entry => (entry.Name, Id: entry.Value.Int32())).ToList();
        var added = ReadAddedTokens(root.Property("added_tokens"));
        var count = Math.Max(
            vocabulary.Count > 0 ? vocabulary.Max(entry => entry.Id) + 1 : 0,
            added.Count > 0 ? added.Max(token => token.Id) + 1 : 0);
        var pieces = new string?[count];
        foreach (var (name, id) in vocabulary)
        {
            pieces[id] = name;
        }

        var skipped = new bool[count];
        foreach (var token in added)
        {
            pieces[token.Id] = token.Content;
            skipped[token.Id] = token.Special;
        }

        var missing = Array.FindIndex(pieces, piece => piece is null);
        if (missing >= 0)
        {
            throw model.Required("vocab").Unsupported($"has no token with id {missing}; ids must run from 0 without gaps");
        }

        var unknownNode = model.Property("unk_token");
        var unknownName = unknownNode.OptionalString() ?? "[UNK]";
        var unknownId = Array.IndexOf(pieces, unknownName);
        if (unknownId < 0)
        {
            throw unknownNode.Unsupported($"= '{unknownName}' is not in the vocabulary");
        }

        skipped[unknownId] = true;
        var (start, end) = PostProcessorReader.ReadFraming(root.Property("post_processor"));
        var pieceArray = pieces.Select(piece => piece!).ToArray();
        var special = new SpecialTokens(start, end, ReadPaddingId(root, pieceArray) ?? unknownId, unknownId);
        var maxChars = model.Property("max_input_chars_per_word");
        ReadWordPieceDecoder(root.Property("decoder"));
        return new WordPieceTokenizer(
            pieceArray,
            skipped,
            new TextPipeline(NormalizerReader.Read(root.Property("normalizer")), PreTokenizerReader.Read(root.Property("pre_tokenizer"))),
            PieceMarking.ContinuationPrefix,
            model.Property("continuing_subword_prefix").OptionalString() ?? "##",
            maxChars.IsNull ? 100 : maxChars.Int32(),
            special);
    }

    private static List<(int Id, string Content, bool Special)> ReadAddedTokens(JsonNode node) =>
        node.IsNull
            ? []
            : [.. node.Items().Select(token => (token.Required("id").Int32(), token.Required("content").String(), token.Property("special").OptionalBool() ?? false))];

    // The padding section's pad_id, else a token named like BERT's or XLM-R's padding.
    private static int? ReadPaddingId(JsonNode root, string[] pieces)
    {
        var padding = root.Property("padding");
        if (!padding.IsNull)
        {
            return padding.Required("pad_id").Int32();
        }

        var id = Array.FindIndex(pieces, piece => piece is "[PAD]" or "<pad>");
        return id >= 0 ? id : null;
    }

    private static bool ReadDecoderStripsPrefix(JsonNode decoder) =>
        !decoder.IsNull
        && decoder.Type("decoder", "Metaspace") == "Metaspace"
        && PreTokenizerReader.ReadPrependScheme(decoder) != PrependScheme.Never;

    private static void ReadWordPieceDecoder(JsonNode decoder)
    {
        if (!decoder.IsNull)
        {
            decoder.Type("decoder", "WordPiece");
        }
    }
}
