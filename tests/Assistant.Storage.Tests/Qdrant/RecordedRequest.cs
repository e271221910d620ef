namespace Assistant.Storage.Tests.Qdrant;

internal sealed record RecordedRequest(string Method, string PathAndQuery, string? ApiKey, string? Body, string? ContentType)
{
    public string Line => $"{Method} {PathAndQuery}";
}
