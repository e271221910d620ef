using System.Security.Cryptography;
using System.Text;

namespace Assistant.Core.Findings;

/// <summary>
/// Ids that name the problem, not the run: the kind, both norms and the evidence's key (the differing values, the
/// reference's words), hashed. A re-run that finds the same problem gives it the same id, so its status stays.
/// </summary>
public static class FindingIds
{
    public static string Of(FindingKind kind, string norm, string? otherNorm, string evidenceKey)
    {
        ArgumentNullException.ThrowIfNull(norm);
        ArgumentNullException.ThrowIfNull(evidenceKey);
        var text = string.Join('\u001f', kind.ToCode(), norm, otherNorm ?? string.Empty, evidenceKey);
        return kind.ToCode() + "-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }
}
