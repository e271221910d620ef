namespace Assistant.Core.Adilet;

/// <summary>
/// A text or bulk record that cannot be read as an act: says where (<see cref="Exception.Source"/>, the file or bulk
/// record, and <see cref="Line"/>) and why (<see cref="Reason"/>).
/// </summary>
public sealed class AdiletFormatException : FormatException
{
    public AdiletFormatException()
        : this(null, 0, "malformed act text")
    {
    }

    public AdiletFormatException(string? message)
        : this(null, 0, message ?? "malformed act text")
    {
    }

    public AdiletFormatException(string? message, Exception? innerException)
        : base(message, innerException)
    {
        Reason = message ?? "malformed act text";
    }

    public AdiletFormatException(string? source, int line, string reason, Exception? innerException = null)
        : base($"{source ?? "<text>"}:{line}: {reason}", innerException)
    {
        Source = source ?? "<text>";
        Line = line;
        Reason = reason;
    }

    /// <summary>1-based line of the text (or of the bulk file) where the problem is.</summary>
    public int Line { get; }

    public string Reason { get; }
}
