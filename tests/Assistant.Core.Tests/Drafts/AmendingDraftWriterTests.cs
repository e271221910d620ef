using Assistant.Core.Acts;
using Assistant.Core.Adilet;
using Assistant.Core.Drafts;
using Assistant.Core.Editions;

namespace Assistant.Core.Tests.Drafts;

/// <summary>The draft written from two editions, in either language's formulas, turns the older into the later.</summary>
public sealed class AmendingDraftWriterTests
{
    private const string Older = """
        Статья 1. Основные понятия
        1. В настоящем Кодексе используются следующие понятия:
        1) работник – физическое лицо, состоящее в трудовых отношениях с работодателем;
        2) работодатель – лицо, с которым работник состоит в трудовых отношениях;
        3) стажер – лицо, проходящее стажировку.
        2. Иные понятия применяются в значениях трудового законодательства.
        Статья 2. Задачи Кодекса
        Задачами настоящего Кодекса являются защита прав работников.
        Трудовые отношения регулируются настоящим Кодексом.
        Статья 3. Форма договора
        Трудовой договор заключается в письменной форме.
        """;

    private const string Later = """
        Статья 1. Основные понятия
        1. В настоящем Кодексе используются следующие понятия:
        1) работник – физическое лицо, состоящее в трудовых отношениях с работодателем;
        1-1) трудовой договор – письменное соглашение;
        2) работодатель – физическое или юридическое лицо, с которым работник состоит в трудовых отношениях;
        3) исключен
        2. Иные понятия применяются в значениях трудового законодательства Республики Казахстан.
        Статья 2. Задачи трудового законодательства
        Задачами настоящего Кодекса являются защита прав и законных интересов работников.
        Трудовые отношения регулируются настоящим Кодексом и иными актами.
        Статья 3. Форма договора
        Трудовой договор заключается в письменной или электронной форме.
        Статья 3-1. Электронный договор
        Электронный договор подписывается электронной цифровой подписью.
        """;

    private static readonly ParsedEditions Editions = new([Edition(Older, "2024-03"), Edition(Later, "2026-01")]);

    [Theory]
    [InlineData(Language.Ru, "подпункт 3) пункта 1 исключить;", "абзац второй дополнить словами «и иными актами»;", "в заголовке слова «Кодекса» заменить словами «трудового законодательства»;")]
    [InlineData(Language.Kk, "1-тармақтың 3) тармақшасы алып тасталсын;", "екінші абзац «и иными актами» деген сөздермен толықтырылсын;", "тақырыбында «Кодекса» деген сөз «трудового законодательства» деген сөздермен ауыстырылсын;")]
    public void The_written_draft_applied_to_the_older_edition_gives_the_later_one(Language formulas, string excluded, string appended, string heading)
    {
        var older = Editions.Read(SmallCode.ActId, Language.Ru, "2024-03")!;
        var later = Editions.Read(SmallCode.ActId, Language.Ru)!;

        var written = AmendingDraftWriter.Write(older, later, KnownActs.FindById(SmallCode.ActId)!, formulas)!;
        var draft = SmallCode.Parse(written.Text);
        var result = Assert.Single(new DraftConsolidator(Editions).Apply(draft, "2024-03", Language.Ru));

        Assert.Equal(formulas, draft.Language);
        Assert.Contains(excluded, written.Text, StringComparison.Ordinal);
        Assert.Contains(appended, written.Text, StringComparison.Ordinal);
        Assert.Contains(heading, written.Text, StringComparison.Ordinal);
        Assert.Empty(draft.Failed);
        Assert.Empty(result.Failed);
        Assert.Equal(["1", "2", "3", "3-1"], written.Articles);
        foreach (var norm in later.Norms)
        {
            var after = Assert.Single(result.Norms, n => n.Article == norm.Number).After;
            Assert.Equal(ConsolidationEvaluation.Normalize(DraftConsolidator.Render(norm, Language.Ru)), ConsolidationEvaluation.Normalize(after));
        }
    }

    [Fact]
    public void Editions_that_differ_in_no_article_give_no_draft()
    {
        var older = Editions.Read(SmallCode.ActId, Language.Ru, "2024-03")!;

        Assert.Null(AmendingDraftWriter.Write(older, older, KnownActs.FindById(SmallCode.ActId)!, Language.Kk));
    }

    private static Act Edition(string text, string edition) => AdiletTextParser.ParseBody(text, new Act
    {
        Id = SmallCode.ActId,
        Language = Language.Ru,
        Title = "Трудовой кодекс Республики Казахстан",
        Kind = ActKind.Code,
        Edition = edition,
        Norms = [],
    });
}
