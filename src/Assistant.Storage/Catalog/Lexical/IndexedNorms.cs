namespace Assistant.Storage.Catalog.Lexical;

/// <summary>Per top-level norm of a <see cref="TermIndex"/>, in key order: its key and what searches filter by.</summary>
internal sealed class IndexedNorms(int count)
{
    /// <summary>The norm's act version is the current edition.</summary>
    public const byte Current = 1;

    /// <summary>The act is in force (or of unknown status) and the norm is not excluded.</summary>
    public const byte InForce = 2;

    public int Count => Keys.Length;

    public long[] Keys { get; } = new long[count];

    public long[] ActKeys { get; } = new long[count];

    /// <summary><see cref="Assistant.Core.Acts.Language"/> values.</summary>
    public byte[] Languages { get; } = new byte[count];

    /// <summary><see cref="Assistant.Core.Acts.ActKind"/> values.</summary>
    public byte[] Kinds { get; } = new byte[count];

    public byte[] Flags { get; } = new byte[count];

    /// <summary>Tokens in all columns, the language column's one included, as FTS5 counts a row's length.</summary>
    public int[] Lengths { get; } = new int[count];

    public long TotalLength { get; set; }
}
