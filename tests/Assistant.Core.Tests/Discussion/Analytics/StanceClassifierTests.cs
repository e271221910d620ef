using Assistant.Core.Acts;
using Assistant.Core.Discussion.Analytics;

namespace Assistant.Core.Tests.Discussion.Analytics;

/// <summary>Stance read from general stance expressions, turned by negation, contrast, questions and irony.</summary>
public sealed class StanceClassifierTests
{
    private readonly StanceClassifier _classifier = new();

    [Theory]
    [InlineData("Не поддерживаю эту поправку.")]
    [InlineData("Категорически не согласна с пунктом 2.")]
    public void Negated_support_is_opposition(string text) =>
        Assert.Equal(Stance.Oppose, _classifier.Classify(text, Language.Ru));

    [Theory]
    [InlineData("Бұл өзгеріске қарсымын.")]
    [InlineData("Келіспеймін, бұл норма жұмыс істемейді.")]
    [InlineData("Бұл бапты қолдамаймын.")]
    public void Kazakh_opposition_cue_is_opposition(string text) =>
        Assert.Equal(Stance.Oppose, _classifier.Classify(text, Language.Kk));

    [Fact]
    public void Kazakh_praise_denied_by_emes_is_opposition() =>
        Assert.Equal(Stance.Oppose, _classifier.Classify("Мерзімді қысқарту дұрыс емес.", Language.Kk));

    [Theory]
    [InlineData("Поддерживаю, но сроки нужно уточнить.", Language.Ru, Stance.Support)]
    [InlineData("Звучит хорошо, но на практике не работает, я против.", Language.Ru, Stance.Oppose)]
    [InlineData("Қағаз жүзінде жақсы, бірақ іс жүзінде қарсымын.", Language.Kk, Stance.Oppose)]
    public void Contrast_clause_decides_stance(string text, Language language, Stance stance) =>
        Assert.Equal(stance, _classifier.Classify(text, language));

    [Theory]
    [InlineData("Когда вступят в силу эти изменения?", Language.Ru)]
    [InlineData("Бұл норма ауылдарға да қолданыла ма", Language.Kk)]
    public void A_question_without_stance_is_neutral(string text, Language language) =>
        Assert.Equal(Stance.Neutral, _classifier.Classify(text, language));

    [Fact]
    public void Irony_turns_praise_into_opposition() =>
        Assert.Equal(Stance.Oppose, _classifier.Classify("Ну конечно, гениальная поправка))", Language.Ru));

    [Fact]
    public void Support_cues_read_in_either_language() =>
        Assert.Equal(Stance.Support, _classifier.Classify("Давно пора, қолдаймын!", Language.Kk));
}
