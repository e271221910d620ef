using Assistant.Core.Acts;
using Assistant.Core.Text;
using Assistant.Core.Vectors;

namespace Assistant.Core.Tests.Vectors;

public class Bm25SparseEncoderTests
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    private readonly Bm25SparseEncoder _encoder = new(averageLength: 4, K1, B);

    [Theory]
    [InlineData("", 0x811C9DC5u)]
    [InlineData("a", 0xE40C292Cu)]
    [InlineData("foobar", 0xBF9CF968u)]
    public void Term_ids_are_fnv1a_of_the_utf8_bytes_without_the_sign_bit(string term, uint fnv1a)
    {
        Assert.Equal((int)(fnv1a & 0x7FFF_FFFF), Bm25SparseEncoder.TermId(term));
    }

    [Fact]
    public void Term_ids_hash_cyrillic_by_its_utf8_bytes()
    {
        // "ст" is D1 81 D1 82 in UTF-8: FNV-1a over those four bytes, not over the two UTF-16 code units.
        var hash = 0x811C9DC5u;
        foreach (var value in new byte[] { 0xD1, 0x81, 0xD1, 0x82 })
        {
            hash = (hash ^ value) * 16777619;
        }

        Assert.Equal((int)(hash & 0x7FFF_FFFF), Bm25SparseEncoder.TermId("ст"));
    }

    [Fact]
    public void Document_values_are_the_bm25_term_frequency_part()
    {
        string[] terms = ["труд", "договор", "труд", "работник", "труд", "срок"];
        var vector = _encoder.EncodeDocument(terms);

        var lengthNorm = K1 * (1 - B + (B * terms.Length / 4.0));
        Assert.Equal((float)(3 * (K1 + 1) / (3 + lengthNorm)), ValueOf(vector, "труд"), 6);
        Assert.Equal((float)(1 * (K1 + 1) / (1 + lengthNorm)), ValueOf(vector, "договор"), 6);
        Assert.Equal(4, vector.Indices.Length);
    }

    [Fact]
    public void A_repeated_term_weighs_more_but_saturates_below_k1_plus_1()
    {
        var once = ValueOf(_encoder.EncodeDocument(["срок", "a", "b", "c"]), "срок");
        var thrice = ValueOf(_encoder.EncodeDocument(["срок", "срок", "срок", "c"]), "срок");
        var often = ValueOf(_encoder.EncodeDocument([.. Enumerable.Repeat("срок", 400)]), "срок");

        Assert.True(thrice > once);
        Assert.True(often < K1 + 1);
    }

    [Fact]
    public void The_same_term_frequency_weighs_less_in_a_longer_document()
    {
        var shortDocument = ValueOf(_encoder.EncodeDocument(["срок", "a"]), "срок");
        var longDocument = ValueOf(_encoder.EncodeDocument(["срок", "a", "b", "c", "d", "e", "f", "g"]), "срок");

        Assert.True(longDocument < shortDocument);
    }

    [Fact]
    public void Indices_are_ascending_and_distinct_with_one_value_each()
    {
        var vector = _encoder.EncodeDocument("Работник вправе расторгнуть трудовой договор, предупредив работодателя в письменной форме.", Language.Ru);

        Assert.NotEmpty(vector.Indices);
        Assert.Equal(vector.Indices.Length, vector.Values.Length);
        Assert.All(vector.Indices.Zip(vector.Indices.Skip(1)), pair => Assert.True(pair.First < pair.Second));
        Assert.All(vector.Indices, index => Assert.True(index >= 0));
    }

    [Fact]
    public void Documents_are_split_into_the_lexical_index_terms()
    {
        const string text = "Статья 14-1 Кодекса о труде";
        var expected = TextAnalyzer.Terms(text, Language.Ru).Select(Bm25SparseEncoder.TermId).Distinct().Order();

        Assert.Equal(expected, _encoder.EncodeDocument(text, Language.Ru).Indices);
    }

    [Fact]
    public void Query_values_are_one_per_distinct_term()
    {
        var vector = Bm25SparseEncoder.EncodeQuery(["отпуск", "отпуск", "ежегодн"]);

        Assert.Equal(2, vector.Indices.Length);
        Assert.All(vector.Values, value => Assert.Equal(1f, value));
    }

    [Fact]
    public void Colliding_terms_are_summed_into_one_entry()
    {
        // Numbers pass the analyzer unchanged; these two share their 31-bit FNV-1a id.
        const string first = "40189";
        const string second = "797186";
        Assert.Equal(Bm25SparseEncoder.TermId(first), Bm25SparseEncoder.TermId(second));

        var query = Bm25SparseEncoder.EncodeQuery($"{first} {second}");
        var document = _encoder.EncodeDocument([first, second, "x", "y"]);
        var single = _encoder.EncodeDocument([first, "z", "x", "y"]);

        Assert.Equal(2f, Assert.Single(query.Values));
        Assert.Equal(3, document.Indices.Length);
        Assert.Equal(2 * ValueOf(single, first), ValueOf(document, first), 6);
    }

    [Fact]
    public void Text_without_terms_gives_an_empty_vector()
    {
        var vector = _encoder.EncodeDocument(" — , ", Language.Kk);

        Assert.Empty(vector.Indices);
        Assert.Empty(vector.Values);
    }

    [Theory]
    [InlineData(0, 1.2, 0.75)]
    [InlineData(double.NaN, 1.2, 0.75)]
    [InlineData(100, -1, 0.75)]
    [InlineData(100, 1.2, 1.5)]
    public void Parameters_out_of_range_are_refused(double averageLength, double k1, double b)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Bm25SparseEncoder(averageLength, k1, b));
    }

    private static float ValueOf(SparseVector vector, string term)
    {
        var at = Array.IndexOf(vector.Indices, Bm25SparseEncoder.TermId(term));
        Assert.True(at >= 0, $"'{term}' is not in the vector.");
        return vector.Values[at];
    }
}
