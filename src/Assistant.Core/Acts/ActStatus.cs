namespace Assistant.Core.Acts;

/// <summary>Whether an act is in force. Unknown acts are treated as in force by default filters.</summary>
public enum ActStatus
{
    Unknown,
    InForce,
    Repealed,
    Expired,
}
