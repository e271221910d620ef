using Assistant.Core.Acts;
using Assistant.Core.Drafts;
using Assistant.Core.Editions;
using Assistant.Tests.Support;

namespace Assistant.Core.Tests.Drafts;

/// <summary>Hand-written drafts in Adilet style applied to the 2024 Labour code give its 2026 articles.</summary>
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
