using Microsoft.Extensions.Logging;

namespace Assistant.Storage.Qdrant;

internal static partial class QdrantLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Created Qdrant collection {Collection} for {Dimensions}-dimensional vectors of {Model}")]
    public static partial void Created(ILogger logger, string collection, int dimensions, string model);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Qdrant {Request} failed ({Outcome}); retry {Attempt} in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, string request, string outcome, int attempt, double delayMs);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Upserted {Points} points into {Collection}")]
    public static partial void Upserted(ILogger logger, int points, string collection);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Searched {Collection} ({Mode}, top {Top}): {Hits} hits")]
    public static partial void Searched(ILogger logger, string collection, string mode, int top, int hits);
}
