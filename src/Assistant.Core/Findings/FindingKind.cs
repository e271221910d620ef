namespace Assistant.Core.Findings;

/// <summary>The categories of problem the corpus-wide analysis looks for.</summary>
public enum FindingKind
{
    /// <summary>A norm of one act that repeats, near-verbatim, a norm of another act.</summary>
    Duplicate,

    /// <summary>Two norms on the same subject with incompatible content (a deadline, amount, age, body or modality).</summary>
    Conflict,

    /// <summary>A norm in force that delegates to a bylaw the catalog does not hold.</summary>
    Gap,

    /// <summary>A reference to a repealed act, to a norm that does not exist, or to an older numbering.</summary>
    BrokenReference,
}

public static class FindingKinds
{
    public static string ToCode(this FindingKind kind) => kind switch
    {
        FindingKind.Duplicate => "duplicate",
        FindingKind.Conflict => "conflict",
        FindingKind.Gap => "gap",
        FindingKind.BrokenReference => "broken-reference",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static bool TryParse(string? code, out FindingKind kind)
    {
        foreach (var candidate in Enum.GetValues<FindingKind>())
        {
            if (string.Equals(code?.Trim(), candidate.ToCode(), StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    public static FindingKind Parse(string code) => TryParse(code, out var kind)
        ? kind
        : throw new FormatException($"Unknown finding kind '{code}': expected duplicate, conflict, gap or broken-reference.");
}
