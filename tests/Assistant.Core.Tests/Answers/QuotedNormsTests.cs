using Assistant.Core.Acts;
using Assistant.Core.Answers;
using Assistant.Core.Norms;

namespace Assistant.Core.Tests.Answers;

public class QuotedNormsTests
{
    private static readonly AnswerSource Source = new(
        1, new NormId("K1500000414", "110"), Language.Ru, "Трудовой кодекс РК, ст. 110", "Оплата труда в ночное время",
        "Каждый час работы в ночное время оплачивается в повышенном размере, но не ниже чем в полуторном размере.", false);

    [Fact]
    public void A_quote_of_the_sources_text_stays_whatever_its_spacing_and_case()
    {
        var answer = new VerifiedText("По ст. 110 «каждый час работы в ночное  время оплачивается в повышенном размере» [1].", [1], []);

        var verified = QuotedNorms.Verify(answer, [Source]);

        Assert.Equal(answer.Text, verified.Text);
        Assert.Empty(verified.Removed);
    }

    [Fact]
    public void A_quote_found_in_no_source_is_removed_and_reported()
    {
        var answer = new VerifiedText("По ст. 110 «ночные часы оплачиваются в двойном размере всегда» [1].", [1], ["[7]"]);

        var verified = QuotedNorms.Verify(answer, [Source]);

        Assert.DoesNotContain("двойном", verified.Text, StringComparison.Ordinal);
        Assert.Equal(["[7]", "«ночные часы оплачиваются в двойном размере всегда»"], verified.Removed);
    }

    [Fact]
    public void A_short_quote_is_a_name_and_is_left_alone()
    {
        var answer = new VerifiedText("См. Закон «О правовых актах» [1].", [1], []);

        Assert.Equal(answer.Text, QuotedNorms.Verify(answer, [Source]).Text);
    }
}
