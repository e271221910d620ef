using System.Text.Json.Nodes;
using Assistant.Inference.Tokenizers;

namespace Assistant.Inference.Tests.Tokenizers;

/// <summary>Unigram tokenizer.json rules (normalizer sequence, Metaspace, Viterbi, byte fallback, framing) on a small file.</summary>
public sealed class UnigramRuleTests : IDisposable
{
    private readonly SmallTokenizerJson files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public void Metaspace_prefixes_each_word_and_the_best_scoring_pieces_win()
    {
        var tokenizer = UnigramTokenizer.FromTokenizerJson(files.Unigram());

        // "▁world" (-6) beats "▁wor" + "ld" (-16).
        Assert.Equal(Ids("\u2581hello", "\u2581world"), tokenizer.Encode("hello world", addSpecialTokens: false));
    }

    [Fact]
    public void The_normalizer_sequence_collapses_and_strips_spaces()
    {
        var tokenizer = UnigramTokenizer.FromTokenizerJson(files.Unigram());

        Assert.Equal(tokenizer.Encode("hello world", addSpecialTokens: false), tokenizer.Encode("  hello    world  ", addSpecialTokens: false));
    }

    [Fact]
    public void Roberta_processing_frames_the_pieces_and_special_tokens_are_exposed()
    {
        var tokenizer = UnigramTokenizer.FromTokenizerJson(files.Unigram());

        Assert.Equal(new SpecialTokens(Id("<s>"), Id("</s>"), Id("<pad>"), Id("<unk>")), tokenizer.Special);
        Assert.Equal(Ids("<s>", "\u2581hello", "</s>"), tokenizer.Encode("hello", addSpecialTokens: true));
    }

    [Fact]
    public void Text_no_piece_covers_is_one_unknown_token_or_its_bytes_with_byte_fallback()
    {
        var plain = UnigramTokenizer.FromTokenizerJson(files.Unigram());
        var fallback = UnigramTokenizer.FromTokenizerJson(files.Unigram(root => root["model"]!["byte_fallback"] = true));

        Assert.Equal(Ids("\u2581", "<unk>"), plain.Encode("éé", addSpecialTokens: false));
        Assert.Equal(Ids("\u2581", "<0xC3>", "<0xA9>", "<0xC3>", "<0xA9>"), fallback.Encode("éé", addSpecialTokens: false));
        Assert.Equal("éé", fallback.Decode(fallback.Encode("éé", addSpecialTokens: true)));
    }

    [Fact]
    public void Decoding_turns_the_escape_into_spaces_and_drops_the_prefix_and_special_tokens()
    {
        var tokenizer = UnigramTokenizer.FromTokenizerJson(files.Unigram());

        Assert.Equal("hello world", tokenizer.Decode(tokenizer.Encode("hello world", addSpecialTokens: true)));
    }

    [Fact]
    public void Prepend_scheme_never_leaves_the_first_word_without_a_prefix()
    {
        var tokenizer = UnigramTokenizer.FromTokenizerJson(files.Unigram(root =>
            root["pre_tokenizer"] = JsonNode.Parse("""{"type":"Metaspace","replacement":"\u2581","prepend_scheme":"never","split":true}""")));

        Assert.Equal(Ids("h", "e", "l", "l", "o", "\u2581world"), tokenizer.Encode("hello world", addSpecialTokens: false));
    }

    private static int Id(string piece) => SmallTokenizerJson.UnigramId(piece);

    private static int[] Ids(params string[] pieces) => [.. pieces.Select(Id)];
}
