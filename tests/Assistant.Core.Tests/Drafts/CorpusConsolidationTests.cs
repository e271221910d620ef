using Assistant.Core.Acts;
using Assistant.Core.Drafts;
using Assistant.Core.Editions;
using Assistant.Tests.Support;

namespace Assistant.Core.Tests.Drafts;

/// <summary>Drafts of the dev set (hand-written in Adilet style, generated in either language's formulas) applied to the 2024 Labour code give its 2026 articles.</summary>
public sealed class CorpusConsolidationTests
{
    private static readonly Lazy<ParsedEditions> Labour = new(() => ParsedEditions.Load(
        [SharedData.Path("corpus", "adilet", "ru", "K1500000414.ru.txt"), SharedData.Path("corpus", "bulk", "ru-acts-2024-00.jsonl.gz")],
        act => act.Id == "K1500000414"));

    [SharedTheory]
    [InlineData("labour-inspection.txt", 4)]
    [InlineData("labour-reservists.txt", 3)]
    public void A_handwritten_draft_turns_the_2024_articles_into_the_2026_ones(string file, int articles)
    {
        var draft = new DraftParser(new ActResolver()).Parse(File.ReadAllText(Path.Combine(RepositoryFolders.DraftDevSet, "handwritten", file)));

        var score = ConsolidationEvaluation.Score(file, draft, Labour.Value, "ru2024-261");

        Assert.Empty(draft.Failed);
        Assert.Empty(score.Misses);
        Assert.Equal((articles, articles), (score.Norms, score.Reproduced));
    }

    [SharedTheory]
    [InlineData("generated", Language.Ru)]
    [InlineData("generated-kk", Language.Kk)]
    public void The_generated_drafts_of_the_labour_code_reproduce_its_2026_articles(string set, Language formulas)
    {
        var files = Directory.GetFiles(Path.Combine(RepositoryFolders.DraftDevSet, set), "K1500000414.*.txt");
        var scores = files.Select(file =>
        {
            var draft = new DraftParser(new ActResolver()).Parse(File.ReadAllText(file));
            Assert.Equal(formulas, draft.Language);
            Assert.Empty(draft.Failed);
            return ConsolidationEvaluation.Score(Path.GetFileName(file), draft, Labour.Value, "ru2024-261", language: Language.Ru);
        }).ToArray();

        Assert.NotEmpty(files);
        Assert.True(scores.Sum(s => s.Norms) >= 60, $"{scores.Sum(s => s.Norms)} articles");
        Assert.True(scores.Sum(s => s.Reproduced) >= 0.95 * scores.Sum(s => s.Norms), string.Join("\n", scores.SelectMany(s => s.Misses)));
    }

    [SharedFact]
    public void The_same_draft_applied_to_the_current_edition_reports_the_words_it_no_longer_finds()
    {
        var draft = new DraftParser(new ActResolver()).Parse(File.ReadAllText(Path.Combine(RepositoryFolders.DraftDevSet, "handwritten", "labour-inspection.txt")));

        var result = Assert.Single(new DraftConsolidator(Labour.Value).Apply(draft));

        Assert.NotEqual("2024-03", result.Edition);
        Assert.Contains(result.Failed, f => f.Line == 8 && f.Reason.StartsWith("quoted words absent from the target: «местным органом по инспекции труда»", StringComparison.Ordinal));
        Assert.Equal(Language.Ru, result.Language);
    }
}
