namespace Assistant.Storage.Catalog;

/// <summary>Where lexical search ranks norms (configuration: Catalog:LexicalIndex).</summary>
public enum LexicalIndexKind
{
    /// <summary>Inside SQLite's FTS5 index: nothing to build, about 2 µs a matching norm per search.</summary>
    Fts5,

    /// <summary>In a copy of the FTS5 index held in memory, ranked the same way; FTS5 answers while it is built.</summary>
    Memory,
}

/// <param name="Current">The in-memory index matches the catalog as it is now, so searches use it.</param>
/// <param name="Building">A background build is running.</param>
/// <param name="Norms">Top-level norms in the latest in-memory index.</param>
/// <param name="Terms">Distinct terms in it.</param>
public sealed record LexicalIndexState(LexicalIndexKind Kind, bool Current, bool Building, int Norms, int Terms)
{
    /// <summary>The catalog generation the latest in-memory index was built from; 0 when none was.</summary>
    public long Generation { get; init; }
}
