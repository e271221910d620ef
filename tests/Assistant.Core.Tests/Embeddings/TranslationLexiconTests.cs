using Assistant.Core.Acts;
using Assistant.Core.Embeddings;

namespace Assistant.Core.Tests.Embeddings;

public class TranslationLexiconTests
{
    private static readonly PairMiningOptions Options = new() { LexiconMinPairs = 3, LexiconMinDice = 0.5 };

    [Fact]
    public void Words_found_together_in_enough_translations_become_word_pairs()
    {
        TextPair[] translations =
        [
            Translation("Налог уплачивается ежегодно", "Салық жыл сайын төленеді"),
            Translation("Налог исчисляется органом", "Салықты орган есептейді"),
            Translation("Лицензия выдается органом", "Лицензияны орган береді"),
            Translation("Налог и лицензия", "Салық және лицензия"),
            Translation("Лицензия отзывается судом", "Лицензияны сот кері қайтарады"),
        ];

        var words = TranslationLexicon.Mine(translations, Options);

        Assert.Contains(words, w => (w.Anchor.Text, w.Positive.Text) == ("налог", "салық"));
        Assert.Contains(words, w => (w.Anchor.Text, w.Positive.Text) == ("лицензия", "лицензияны"));
        Assert.All(words, w =>
        {
            Assert.Equal(PairKind.WordTranslation, w.Kind);
            Assert.Equal("ru-kk", w.Languages);
        });
    }

    [Fact]
    public void Words_found_together_fewer_times_than_the_minimum_are_left_out()
    {
        TextPair[] translations =
        [
            Translation("Налог уплачивается ежегодно", "Салық жыл сайын төленеді"),
            Translation("Налог исчисляется органом", "Салықты орган есептейді"),
        ];

        Assert.Empty(TranslationLexicon.Mine(translations, Options));
    }

    [Fact]
    public void A_word_pairs_only_with_its_best_match_in_both_directions()
    {
        // «орган» occurs with «налог» twice, but «налог» occurs with «салық» four times: only налог–салық is mutual.
        TextPair[] translations =
        [
            Translation("Налог органом", "Салық орган"),
            Translation("Налог органом", "Салық орган"),
            Translation("Налог ежегодно", "Салық жыл"),
            Translation("Налог ежегодно", "Салық жыл"),
        ];

        var words = TranslationLexicon.Mine(translations, Options with { LexiconMinPairs = 2 });

        Assert.Contains(words, w => (w.Anchor.Text, w.Positive.Text) == ("налог", "салық"));
        Assert.DoesNotContain(words, w => w.Anchor.Text == "налог" && w.Positive.Text != "салық");
        Assert.DoesNotContain(words, w => w.Positive.Text == "салық" && w.Anchor.Text != "налог");
    }

    [Fact]
    public void Function_words_and_short_words_never_pair()
    {
        TextPair[] translations = [.. Enumerable.Repeat(Translation("Если для нас", "Үшін және біз"), 4)];

        Assert.Empty(TranslationLexicon.Mine(translations, Options));
    }

    private static TextPair Translation(string russian, string kazakh) =>
        new(PairKind.Translation, "a", new PairSide(russian, Language.Ru, null), new PairSide(kazakh, Language.Kk, null));
}
