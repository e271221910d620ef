namespace Assistant.Core.Findings;

/// <summary>What an expert has said of a finding.</summary>
public enum FindingStatus
{
    /// <summary>Not reviewed yet.</summary>
    New,
    Confirmed,
    Dismissed,
}

public static class FindingStatuses
{
    public static string ToCode(this FindingStatus status) => status switch
    {
        FindingStatus.New => "new",
        FindingStatus.Confirmed => "confirmed",
        FindingStatus.Dismissed => "dismissed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static bool TryParse(string? code, out FindingStatus status)
    {
        foreach (var candidate in Enum.GetValues<FindingStatus>())
        {
            if (string.Equals(code?.Trim(), candidate.ToCode(), StringComparison.OrdinalIgnoreCase))
            {
                status = candidate;
                return true;
            }
        }

        status = default;
        return false;
    }
}
