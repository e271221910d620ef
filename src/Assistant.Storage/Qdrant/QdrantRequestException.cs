using System.Net;

namespace Assistant.Storage.Qdrant;

/// <summary>Qdrant refused a request, or could not be reached after the retries.</summary>
public sealed class QdrantRequestException : Exception
{
    public QdrantRequestException(string method, string path, HttpStatusCode? statusCode, string? qdrantMessage, Exception? innerException = null)
        : base(Describe(method, path, statusCode, qdrantMessage, innerException), innerException)
    {
        Method = method;
        Path = path;
        StatusCode = statusCode;
        QdrantMessage = qdrantMessage;
    }

    public QdrantRequestException()
        : this("?", "?", null, null)
    {
    }

    public QdrantRequestException(string message)
        : base(message)
    {
        Method = "?";
        Path = "?";
    }

    public QdrantRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
        Method = "?";
        Path = "?";
    }

    public string Method { get; }

    /// <summary>Path and query of the request, e.g. "/collections/norms/points?wait=true".</summary>
    public string Path { get; }

    /// <summary>Null when no answer came (connection failure, timeout).</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>Qdrant's own words from status.error of its answer, when it gave them.</summary>
    public string? QdrantMessage { get; }

    private static string Describe(string method, string path, HttpStatusCode? statusCode, string? qdrantMessage, Exception? inner)
    {
        var outcome = statusCode is { } code
            ? $"answered {(int)code} {code}"
            : $"did not answer ({inner?.GetType().Name}: {inner?.Message})";
        return qdrantMessage is null
            ? $"Qdrant {outcome} to {method} {path}."
            : $"Qdrant {outcome} to {method} {path}: {qdrantMessage}";
    }
}
