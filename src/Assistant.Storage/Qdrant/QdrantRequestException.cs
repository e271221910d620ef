using Grpc.Core;

namespace Assistant.Storage.Qdrant;

/// <summary>Qdrant refused a call, or could not be reached after the retries.</summary>
public sealed class QdrantRequestException : Exception
{
    public QdrantRequestException(string collection, string operation, RpcException innerException, int attempts = 1)
        : base(Describe(collection, operation, innerException, attempts), innerException)
    {
        Collection = collection;
        Operation = operation;
        StatusCode = innerException.StatusCode;
        QdrantMessage = string.IsNullOrEmpty(innerException.Status.Detail) ? null : innerException.Status.Detail;
    }

    public QdrantRequestException()
        : this("Qdrant refused a call.")
    {
    }

    public QdrantRequestException(string message)
        : base(message)
    {
        Collection = "?";
        Operation = "?";
    }

    public QdrantRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
        Collection = "?";
        Operation = "?";
    }

    public string Collection { get; }

    /// <summary>What was asked, e.g. "upsert points".</summary>
    public string Operation { get; }

    /// <summary>The gRPC status of the last attempt: Unavailable or DeadlineExceeded when no answer came.</summary>
    public StatusCode StatusCode { get; }

    /// <summary>Qdrant's own words from the status detail, when it gave them.</summary>
    public string? QdrantMessage { get; }

    /// <summary>Whether another attempt may succeed: the server was down, busy or too slow, not the request wrong.</summary>
    internal static bool IsTransient(StatusCode status) => status
        is StatusCode.Unavailable
        or StatusCode.DeadlineExceeded
        or StatusCode.ResourceExhausted
        or StatusCode.Aborted
        or StatusCode.Internal;

    private static string Describe(string collection, string operation, RpcException error, int attempts)
    {
        var detail = string.IsNullOrEmpty(error.Status.Detail) ? string.Empty : ": " + error.Status.Detail;
        var tries = attempts > 1 ? $" after {attempts} attempts" : string.Empty;
        return IsTransient(error.StatusCode)
            ? $"Qdrant could not {operation} in collection '{collection}'{tries} ({error.StatusCode}{detail})."
            : $"Qdrant refused to {operation} in collection '{collection}' ({error.StatusCode}{detail}).";
    }
}
