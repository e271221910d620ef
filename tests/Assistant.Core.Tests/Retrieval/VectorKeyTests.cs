using Assistant.Core.Acts;
using Assistant.Core.Norms;
using Assistant.Core.Vectors;

namespace Assistant.Core.Tests.Retrieval;

public class VectorKeyTests
{
    [Theory]
    [InlineData("ru|K1500000414/art:88")]
    [InlineData("kk|U2500000881/annex:1/p:5")]
    [InlineData("kk|kk-000001/p:3/sp:2")]
    public void A_key_survives_its_text_form(string text)
    {
        Assert.Equal(text, VectorKey.Parse(text).ToString());
    }

    [Fact]
    public void A_bulk_act_id_with_spaces_is_kept_whole()
    {
        var key = new VectorKey(new NormId("Приказ Министра № 5", "3"), Language.Kk);

        Assert.Equal(key, VectorKey.Parse(key.ToString()));
    }

    [Theory]
    [InlineData("K1500000414/art:88")]
    [InlineData("en|K1500000414/art:88")]
    [InlineData("ru|K1500000414")]
    [InlineData("ru|/art:88")]
    [InlineData("ru|K1500000414/chapter:2")]
    public void A_malformed_key_is_refused_with_its_text(string text)
    {
        var error = Assert.Throws<FormatException>(() => VectorKey.Parse(text));
        Assert.Contains(text, error.Message, StringComparison.Ordinal);
    }
}
