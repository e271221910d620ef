using Assistant.Core.Drafts;

namespace Assistant.Core.Tests.Drafts;

/// <summary>Instructions that cannot be read or applied are reported with their line and the reason.</summary>
public sealed class DraftFailureTests
{
    [Theory]
    [InlineData("1) статью 99 исключить;", "target norm not found: статья 99")]
    [InlineData("1) подпункт 7) пункта 1 статьи 1 исключить;", "target norm not found: пункт 1 статья 1 has no подпункт 7)")]
    [InlineData("1) в статье 3 слова «устной форме» заменить словами «электронной форме»;", "quoted words absent from the target: «устной форме»")]
    [InlineData("1) слова «лицо» заменить словами «гражданин»;", "ambiguous target: the instruction names no article")]
    [InlineData("1) часть пятую статьи 2 исключить;", "target norm not found: K1500000414/art:2 part 5")]
    [InlineData("1) статью 1 дополнить пунктом 2 следующего содержания:\n«2. Повтор.»;", "ambiguous target: the edition already has пункт 2")]
    [InlineData("1) статью 3 как-нибудь поправить;", "not an amendment instruction")]
    [InlineData("1) статью 3 изложить в следующей редакции:", "the instruction has no quoted text")]
    public void A_failed_instruction_is_reported_with_its_line_and_reason(string instruction, string reason)
    {
        var draft = SmallCode.Parse(SmallCode.RussianOpening + "1) статью 3 исключить;\n" + instruction);
        var result = Assert.Single(new DraftConsolidator(SmallCode.Editions).Apply(draft));

        var failure = Assert.Single(result.Failed);
        Assert.Equal(5, failure.Line);
        Assert.StartsWith(instruction.Split('\n')[0], failure.Instruction, StringComparison.Ordinal);
        Assert.Contains(reason, failure.Reason, StringComparison.Ordinal);
        Assert.Contains(result.Norms, n => n.Article == "3");
    }

    [Fact]
    public void An_act_that_cannot_be_resolved_fails_its_instructions()
    {
        var draft = SmallCode.Parse("""
            О внесении изменения

            Статья 1. Внести в Закон Республики Казахстан «О несуществующем предмете» следующие изменения:
            1) статью 3 исключить;
            """);

        Assert.Empty(draft.TargetActs);
        Assert.Collection(
            draft.Failed,
            f => Assert.Equal((3, "target act not found"), (f.Line, f.Reason[..20])),
            f => Assert.Equal(4, f.Line));
    }

    [Fact]
    public void Two_acts_of_one_name_need_the_date()
    {
        var draft = SmallCode.Parse("Проект\nСтатья 1. Внести в Бюджетный кодекс Республики Казахстан следующие изменения:\n1) статью 3 исключить;");

        Assert.Contains("ambiguous target", draft.Failed[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_entry_into_force_article_is_not_an_instruction()
    {
        var draft = SmallCode.Parse(SmallCode.RussianOpening + "1) статью 3 исключить;\n\nСтатья 2. Настоящий Закон вводится в действие по истечении десяти календарных дней.\n\nПрезидент\nРеспублики Казахстан");

        Assert.Empty(draft.Failed);
        Assert.Single(draft.Instructions);
    }
}
