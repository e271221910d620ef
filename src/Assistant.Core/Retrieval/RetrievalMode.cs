namespace Assistant.Core.Retrieval;

/// <summary>Which side of the index finds the norms.</summary>
public enum RetrievalMode
{
    /// <summary>Words and stems (FTS5 bm25) and the norms a question names.</summary>
    Lexical,

    /// <summary>Nearest norm vectors to the question's embedding.</summary>
    Dense,

    /// <summary>Both, fused by reciprocal rank.</summary>
    Hybrid,
}

public static class RetrievalModes
{
    public static string ToCode(this RetrievalMode mode) => mode switch
    {
        RetrievalMode.Lexical => "lexical",
        RetrievalMode.Dense => "dense",
        RetrievalMode.Hybrid => "hybrid",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };

    public static bool TryParse(string? code, out RetrievalMode mode)
    {
        switch (code?.Trim().ToLowerInvariant())
        {
            case "lexical":
                mode = RetrievalMode.Lexical;
                return true;
            case "dense":
                mode = RetrievalMode.Dense;
                return true;
            case "hybrid":
                mode = RetrievalMode.Hybrid;
                return true;
            default:
                mode = default;
                return false;
        }
    }

    public static RetrievalMode Parse(string code) => TryParse(code, out var mode)
        ? mode
        : throw new FormatException($"Unknown retrieval mode '{code}': expected lexical, dense or hybrid.");
}
