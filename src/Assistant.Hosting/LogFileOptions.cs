namespace Assistant.Hosting;

/// <summary>The optional compact-JSON log file (section "LogFile"); no path, no file.</summary>
public sealed class LogFileOptions
{
    public const string Section = "LogFile";

    /// <summary>Where events go as CLEF lines; rolled daily, so "logs/api-.clef" becomes "logs/api-20261203.clef".</summary>
    public string? Path { get; set; }

    /// <summary>How many daily files are kept; older ones are deleted.</summary>
    public int RetainedFiles { get; set; } = 14;
}
