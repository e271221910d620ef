using Assistant.Core.Acts;

namespace Assistant.Core.Findings;

/// <summary>What the gap analysis reads from the catalog.</summary>
public interface IDelegationSource : IInboundReferences
{
    /// <summary>The act's current edition in the language; null when the catalog has none.</summary>
    Task<FindingAct?> CurrentAsync(string actId, Language language, CancellationToken cancellationToken);

    /// <summary>Resolutions, orders, decrees and decisions whose current edition in the language is not known to be repealed.</summary>
    Task<IReadOnlyList<ActTitle>> BylawsAsync(Language language, CancellationToken cancellationToken);

    /// <summary>
    /// The articles each act names as its basis or refers to, in either language: its norms' resolved references and
    /// those of its preamble («В соответствии с подпунктом 5) статьи 10 Закона …»), which a bylaw's basis usually is.
    /// </summary>
    Task<IReadOnlyList<(string FromActId, Norms.NormId Target)>> ArticleReferencesAsync(CancellationToken cancellationToken);
}

/// <summary>How much the rest of the law relies on a norm, for a finding's priority.</summary>
public interface IInboundReferences
{
    /// <summary>How many references of current editions in the language point at each norm id (at the id itself, not its parts).</summary>
    Task<IReadOnlyDictionary<string, int>> InboundAsync(Language language, CancellationToken cancellationToken);
}
