using Assistant.Core.Acts;

namespace Assistant.Core.Adilet;

/// <summary>One line of a bulk file: the act it holds, or why it could not be read.</summary>
/// <param name="Line">1-based line number in the (decompressed) file.</param>
public sealed record BulkEntry(int Line, Act? Act, AdiletFormatException? Error)
{
    public bool IsError => Error is not null;
}
