using Assistant.Core.Acts;
using Assistant.Core.Norms;

namespace Assistant.Core.Findings;

/// <summary>What the broken-reference analysis reads from the catalog.</summary>
public interface IReferenceTargets : IInboundReferences
{
    /// <summary>The act's current edition in the language; null when the catalog has none.</summary>
    Task<FindingAct?> CurrentAsync(string actId, Language language, CancellationToken cancellationToken);

    /// <summary>Every reference of current editions that resolved to an act or a norm; unresolved ones say nothing about their target.</summary>
    Task<IReadOnlyList<ResolvedReference>> ReferencesAsync(CancellationToken cancellationToken);

    /// <summary>The current edition of every act in every language, without norms.</summary>
    Task<IReadOnlyList<CatalogActStatus>> ActsAsync(CancellationToken cancellationToken);

    /// <summary>Where each norm stands in its act's editions in the language (or the other one, where the act has none in it).</summary>
    Task<IReadOnlyDictionary<NormId, NormPresence>> PresenceAsync(IReadOnlyCollection<NormId> norms, Language language, CancellationToken cancellationToken);
}

public sealed record CatalogActStatus(string Id, Language Language, string Title, ActKind Kind, ActStatus Status);

public enum NormPresenceKind
{
    /// <summary>In the current edition, not excluded.</summary>
    Current,

    /// <summary>In the current edition but «исключен(а)».</summary>
    Excluded,

    /// <summary>Not in the current edition, but in an older one.</summary>
    OlderEdition,

    /// <summary>In no edition the catalog holds.</summary>
    Missing,

    /// <summary>
    /// Not in the current edition, where the catalog's text may well lack it: the article (or point) holding it is
    /// stored as one text without parts; or it is an inserted article («15-1») where the act has article 15 (the bulk
    /// corpus leaves inserted articles out of some texts); or its number lies outside the numbers the act holds (the
    /// catalog holds the Civil Code's general and special parts as two acts, each its own «настоящего Кодекса»); or the
    /// act was read from a bulk corpus record, whose article structure is not complete.
    /// </summary>
    Unjudged,
}

/// <param name="Edition">The edition it was found in (for <see cref="NormPresenceKind.OlderEdition"/>).</param>
/// <param name="Text">Its heading and text where found; for a missing norm, what its act holds instead (the numbers of its articles).</param>
public sealed record NormPresence(NormPresenceKind Kind, string? Edition, string? Text);
