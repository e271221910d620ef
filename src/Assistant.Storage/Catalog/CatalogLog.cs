using Assistant.Core.Acts;
using Microsoft.Extensions.Logging;

namespace Assistant.Storage.Catalog;

internal static partial class CatalogLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Opened catalog {Path} (schema version {Version})")]
    public static partial void Opened(ILogger logger, string path, int version);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Saved act {ActId} ({Language}, edition {Edition}): {Norms} norms, current {IsCurrent}")]
    public static partial void Saved(ILogger logger, string actId, Language language, string? edition, int norms, bool isCurrent);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Saving act {ActId} ({Language}, edition {Edition}) failed; the stored version is kept")]
    public static partial void SaveFailed(ILogger logger, Exception exception, string actId, Language language, string? edition);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Search {Query}: {Hits} hits ({Named} named) in {Milliseconds} ms")]
    public static partial void Searched(ILogger logger, string query, int hits, int named, double milliseconds);
}
