using Assistant.Core.Acts;
using Assistant.Core.Evaluation;
using Assistant.Core.Text;
using Assistant.Tests.Support;

namespace Assistant.Core.Tests.Text;

public sealed class TermProbeTests
{
    [SharedFact]
    public void Counts_the_terms_a_full_analysis_finds_in_every_line_of_real_acts()
    {
        var texts = new[]
        {
            (File.ReadAllLines(SharedData.Path("corpus", "adilet", "ru", "K1400000226.ru.txt")), Language.Ru),
            (File.ReadAllLines(SharedData.Path("corpus", "adilet", "kk", "K950001000_.kk.txt")), Language.Kk),
        };
        var questions = EvalQuery.ReadAll(SharedData.Path("eval", "dev-queries.jsonl")).Select(q => (q.Question, q.Language));
        var compared = 0;
        var matched = 0;
        foreach (var (question, questionLanguage) in questions)
        {
            var terms = TextAnalyzer.Terms(question, questionLanguage).ToHashSet(StringComparer.Ordinal);
            var probe = new TermProbe(terms);
            foreach (var (lines, language) in texts)
            {
                foreach (var line in lines)
                {
                    var expected = TextAnalyzer.Terms(line, language).Distinct().Count(terms.Contains);
                    Assert.Equal(expected, probe.CountIn(line, language));
                    compared++;
                    matched += expected > 0 ? 1 : 0;
                }
            }
        }

        Assert.True(matched > 1_000, $"only {matched} of {compared} lines held a question term");
    }

    [Theory]
    [InlineData("Оқушыға кітабы беріледі.", "кітабы", 1)]
    [InlineData("Салық кодексiнің нормалары.", "кодексінің", 1)]
    [InlineData("Кража, кражи и кражей.", "кража", 1)]
    [InlineData("Общие положения.", "кража", 0)]
    public void Finds_a_term_whose_word_is_inflected_devoiced_or_typed_with_a_latin_letter(string text, string query, int count)
    {
        var language = query.Any(c => "әғқңөұүһі".Contains(c, StringComparison.Ordinal)) ? Language.Kk : Language.Ru;
        var probe = new TermProbe(TextAnalyzer.Terms(query, language).ToHashSet(StringComparer.Ordinal));

        Assert.Equal(count, probe.CountIn(text, language));
    }

    [Fact]
    public void Folding_lower_cases_every_latin_and_cyrillic_letter_as_the_invariant_culture_does()
    {
        for (var c = '\0'; c <= '\u04FF'; c++)
        {
            var expected = char.ToLowerInvariant(c) switch
            {
                'ё' => 'е',
                '\u00A0' => ' ',
                var lower => lower,
            };

            Assert.Equal(expected.ToString(), TextFolding.Fold(c.ToString()));
        }
    }
}
