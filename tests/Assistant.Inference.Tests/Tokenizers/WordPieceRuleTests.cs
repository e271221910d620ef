using Assistant.Inference.Tokenizers;

namespace Assistant.Inference.Tests.Tokenizers;

/// <summary>BertNormalizer, BertPreTokenizer, WordPiece and framing rules on a small hand-written tokenizer.json.</summary>
public sealed class WordPieceRuleTests : IDisposable
{
    private readonly SmallTokenizerJson files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public void Lowercasing_lets_capitalised_words_match_lowercase_pieces()
    {
        var tokenizer = WordPieceTokenizer.FromTokenizerJson(files.WordPiece());

        Assert.Equal(Ids("hello", "world"), tokenizer.Encode("HELLO World", addSpecialTokens: false));
    }

    [Fact]
    public void Without_lowercasing_case_must_match_the_vocabulary()
    {
        var tokenizer = WordPieceTokenizer.FromTokenizerJson(files.WordPiece(lowercase: false));

        Assert.Equal(Ids("Hello", "hello", "[UNK]"), tokenizer.Encode("Hello hello HELLO", addSpecialTokens: false));
    }

    [Fact]
    public void Accents_are_stripped_when_lowercasing_unless_strip_accents_is_false()
    {
        var stripping = WordPieceTokenizer.FromTokenizerJson(files.WordPiece());
        var keeping = WordPieceTokenizer.FromTokenizerJson(files.WordPiece(stripAccents: false));

        Assert.Equal(Ids("cafe", "naive"), stripping.Encode("Café NAÏVE", addSpecialTokens: false));
        Assert.Equal(Ids("café", "[UNK]"), keeping.Encode("Café NAÏVE", addSpecialTokens: false));
    }

    [Fact]
    public void Punctuation_and_ascii_symbols_become_words_of_their_own()
    {
        var tokenizer = WordPieceTokenizer.FromTokenizerJson(files.WordPiece());

        Assert.Equal(Ids("hello", ",", "world", "!", "$", "5"), tokenizer.Encode("hello,world!$5", addSpecialTokens: false));
    }

    [Fact]
    public void Chinese_characters_become_words_of_their_own()
    {
        var tokenizer = WordPieceTokenizer.FromTokenizerJson(files.WordPiece());

        Assert.Equal(Ids("hello", "中", "国", "world"), tokenizer.Encode("hello中国world", addSpecialTokens: false));
    }

    [Fact]
    public void Control_characters_are_dropped_and_any_whitespace_separates_words()
    {
        var tokenizer = WordPieceTokenizer.FromTokenizerJson(files.WordPiece());

        Assert.Equal(Ids("hello", "world", "law"), tokenizer.Encode("hel\u0000lo\u200b\tworld\u3000law", addSpecialTokens: false));
    }

    [Fact]
    public void Words_are_cut_into_the_longest_pieces_from_their_start()
    {
        var tokenizer = WordPieceTokenizer.FromTokenizerJson(files.WordPiece());

        Assert.Equal(Ids("un", "##aff", "##able", "world", "##s", "law", "##ful"), tokenizer.Encode("unaffable worlds lawful", addSpecialTokens: false));
    }

    [Fact]
    public void A_word_with_a_part_no_piece_covers_becomes_one_unknown_token()
    {
        var tokenizer = WordPieceTokenizer.FromTokenizerJson(files.WordPiece());

        Assert.Equal(Ids("hello", "[UNK]", "world"), tokenizer.Encode("hello unaffablex world", addSpecialTokens: false));
    }

    [Fact]
    public void Words_longer_than_max_input_chars_per_word_become_unknown()
    {
        var tokenizer = WordPieceTokenizer.FromTokenizerJson(files.WordPiece(maxInputCharsPerWord: 5));

        Assert.Equal(Ids("hello", "[UNK]"), tokenizer.Encode("hello worlds", addSpecialTokens: false));
    }

    [Fact]
    public void Special_tokens_frame_the_pieces_and_are_exposed()
    {
        var tokenizer = WordPieceTokenizer.FromTokenizerJson(files.WordPiece());

        Assert.Equal(new SpecialTokens(Id("[CLS]"), Id("[SEP]"), Id("[PAD]"), Id("[UNK]")), tokenizer.Special);
        Assert.Equal(Ids("[CLS]", "hello", "[SEP]"), tokenizer.Encode("hello", addSpecialTokens: true));
        Assert.Equal(Ids("[CLS]", "[SEP]"), tokenizer.Encode("", addSpecialTokens: true));
    }

    [Fact]
    public void Bert_processing_frames_the_pieces_like_the_template()
    {
        var tokenizer = WordPieceTokenizer.FromTokenizerJson(files.WordPiece(change: root =>
            root["post_processor"] = System.Text.Json.Nodes.JsonNode.Parse("""{"type":"BertProcessing","sep":["[SEP]",3],"cls":["[CLS]",2]}""")));

        Assert.Equal(Ids("[CLS]", "hello", "[SEP]"), tokenizer.Encode("hello", addSpecialTokens: true));
    }

    [Fact]
    public void Decoding_glues_continuations_drops_special_tokens_and_cleans_spaces_before_punctuation()
    {
        var tokenizer = WordPieceTokenizer.FromTokenizerJson(files.WordPiece());
        var ids = tokenizer.Encode("unaffable worlds, hello!", addSpecialTokens: true);

        Assert.Equal("unaffable worlds, hello!", tokenizer.Decode(ids));
    }

    private static int Id(string piece) => SmallTokenizerJson.WordPieceId(piece);

    private static int[] Ids(params string[] pieces) => [.. pieces.Select(Id)];
}
