using Assistant.Core.Findings;
using Assistant.Storage.Findings;
using Microsoft.Extensions.Logging;

namespace Assistant.Indexer.Commands;

/// <summary>The real analysis over a seeded catalog, and every finding it stored.</summary>
internal static class FindingSeedRun
{
    public static async Task<List<Finding>> AnalyseAsync(string path, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        using var engine = FindingEngine.Open(path, loggers);
        await engine.Analysis([]).RunAsync(new FindingsScope(), null, cancellationToken);
        var findings = new List<Finding>();
        await foreach (var stored in engine.Store.ListAsync(new FindingFilter(Limit: int.MaxValue), cancellationToken))
        {
            findings.Add(stored.Finding);
        }

        return findings;
    }
}
