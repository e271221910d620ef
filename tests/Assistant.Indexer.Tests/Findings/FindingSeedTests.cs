using Assistant.Core.Acts;
using Assistant.Indexer.Commands;
using Assistant.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Assistant.Indexer.Tests.Findings;

/// <summary>A small seeded set through the real detectors: what <c>findings eval</c> measures on the whole one.</summary>
public sealed class FindingSeedTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("raglegal-seeds-");

    [SharedFact]
    public async Task Changed_copies_of_real_russian_and_kazakh_articles_are_conflicts_verbatim_ones_duplicates_and_paraphrases_are_not_conflicts()
    {
        var path = Path.Combine(_folder.FullName, "catalog.db");
        var seeds = FindingsEvalCommand.SeedCatalog(new DirectoryInfo(SharedData.Path("corpus")), [("tune", ["Z2400000106", "K950001000_.kk"])], 10, path);

        var findings = await FindingSeedRun.AnalyseAsync(path, NullLoggerFactory.Instance, CancellationToken.None);

        var score = FindingSeedScore.Of(seeds, findings);
        Assert.Contains(seeds, s => s.Role == FindingSeedRole.Conflict && s.Language == Language.Kk);
        Assert.Contains(seeds, s => s.Role == FindingSeedRole.Paraphrase);
        Assert.True(score.ConflictRecall >= 0.9, $"conflict recall {score.ConflictRecall}");
        Assert.Equal(1.0, score.DuplicateRecall);
        Assert.Equal(0.0, score.ParaphraseFlagged);
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
