using Assistant.Core.Acts;
using Assistant.Core.Norms;

namespace Assistant.Core.Answers;

/// <summary>A norm retrieval found for a question, with its whole text for the prompt.</summary>
/// <param name="Citation">The display citation («Уголовный кодекс РК, ст. 188»).</param>
/// <param name="NamedInQuery">The question cited this norm by number: it is certainly relevant.</param>
public sealed record RetrievedNorm(NormId Id, Language Language, string Citation, string? Heading, string Text, double Score, bool NamedInQuery);

/// <summary>What retrieval is limited to. Norms of acts not in force are never retrieved for an answer.</summary>
/// <param name="AsOf">The law as it stood on this date: each act's edition in force then; null the current law.</param>
public sealed record RetrievalFilters(Language? Language = null, string? ActId = null, DateOnly? AsOf = null);

/// <summary>Finds the norms an answer may rest on (lexical, dense or hybrid search behind it).</summary>
public interface INormRetriever
{
    /// <summary>"lexical", "dense" or "hybrid": reported with each answer.</summary>
    string Mode { get; }

    Task<IReadOnlyList<RetrievedNorm>> RetrieveAsync(string query, RetrievalFilters filters, int top, CancellationToken cancellationToken);
}
