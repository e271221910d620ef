using Assistant.Core.Acts;
using Assistant.Core.Discussion;

namespace Assistant.Core.Tests.Discussion;

public sealed class CommentRulesTests
{
    [Theory]
    [InlineData("<script>alert(1)</script> плохой закон", "HTML (<script> at character 1)")]
    [InlineData("Закон хороший <a href=x>ссылка</a>", "at character 15")]
    [InlineData("Срок &#60; десяти дней лучше", "HTML")]
    [InlineData("Комментарий <!-- скрытый текст", "HTML")]
    [InlineData("   ", "empty")]
    [InlineData("Нет.", "at least 10")]
    [InlineData("Срок нужен\u0007 короче", "control character (U+0007) at character 11")]
    public void A_comment_that_is_not_plain_text_or_too_short_is_refused_saying_where(string text, string expected)
    {
        Assert.Contains(expected, CommentRules.Check(text), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Срок < 10 дней и штраф > 5 МРП — это разумно.")]
    [InlineData("Я «за»: проект (ст. 1, п. 2) нужен.\nВторой абзац.")]
    public void Plain_text_with_comparison_signs_and_line_breaks_is_accepted(string text)
    {
        Assert.Null(CommentRules.Check(text));
    }

    [Fact]
    public void A_comment_longer_than_the_limit_is_refused()
    {
        Assert.Contains("at most 4000", CommentRules.Check(new string('а', CommentRules.MaxLength + 1)), StringComparison.Ordinal);
    }

    [Fact]
    public void Case_punctuation_and_endings_do_not_make_a_comment_new()
    {
        var first = CommentFingerprint.Of("Считаю, что срок расследования нельзя увеличивать!", Language.Ru);
        var again = CommentFingerprint.Of("считаю что СРОКИ расследования нельзя увеличивать", Language.Ru);

        Assert.True(CommentFingerprint.RepeatsAny(again, [first]));
    }

    [Fact]
    public void A_long_comment_sharing_nine_in_ten_terms_is_a_near_duplicate()
    {
        var first = CommentFingerprint.Of("Срок расследования несчастного случая нельзя увеличивать до пятнадцати рабочих дней, пострадавшие ждут выплат.", Language.Ru);
        var near = CommentFingerprint.Of("Срок расследования несчастного случая нельзя увеличивать до пятнадцати рабочих дней, пострадавшие ждут выплат очень.", Language.Ru);
        var other = CommentFingerprint.Of("Срок расследования несчастного случая можно увеличить: комиссии не успевают собрать экспертизы.", Language.Ru);

        Assert.True(CommentFingerprint.RepeatsAny(near, [first]));
        Assert.False(CommentFingerprint.RepeatsAny(other, [first]));
    }

    [Fact]
    public void Short_comments_repeat_only_when_identical()
    {
        var first = CommentFingerprint.Of("Поддерживаю проект полностью", Language.Ru);
        var other = CommentFingerprint.Of("Не поддерживаю проект", Language.Ru);

        Assert.False(CommentFingerprint.RepeatsAny(other, [first]));
    }
}
