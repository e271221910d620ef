namespace Assistant.Core.Norms;

/// <summary>A reference from a norm to another norm or act, as found in its text.</summary>
/// <param name="Text">The referring phrase as printed («подпунктом 2) пункта 1 статьи 61 настоящего Кодекса»).</param>
/// <param name="TargetActId">The referenced act when it could be identified.</param>
/// <param name="TargetNormId">The referenced norm when it could be resolved to a norm id.</param>
public sealed record CrossReference(string Text, string? TargetActId, NormId? TargetNormId)
{
    public bool IsResolved => TargetNormId is not null || TargetActId is not null;
}
