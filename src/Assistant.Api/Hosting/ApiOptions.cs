namespace Assistant.Api.Hosting;

/// <summary>Limits on what a request may carry (section "Api").</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>Largest request body accepted, in bytes.</summary>
    public long MaxRequestBytes { get; set; } = 64 * 1024;

    /// <summary>Longest question (or search query) accepted, in characters.</summary>
    public int MaxQuestionLength { get; set; } = 2_000;

    /// <summary>Most hits a search may ask for.</summary>
    public int MaxTop { get; set; } = 50;
}
