using Assistant.Core.Acts;
using Assistant.Core.Norms;

namespace Assistant.Core.Forecasts;

/// <summary>The norms of other acts closest to a text: where a new norm may repeat or contradict the law in force.</summary>
public interface INormNeighbours
{
    /// <summary>
    /// At most <paramref name="top"/> top-level norms of current editions in force, in <paramref name="language"/>, of
    /// acts other than <paramref name="exceptActId"/>, closest to <paramref name="text"/> first.
    /// </summary>
    Task<IReadOnlyList<NeighbourNorm>> ClosestAsync(string text, Language language, string exceptActId, int top, CancellationToken cancellationToken);

    /// <summary>The act's kind (code, law, order…); <see cref="ActKind.Unknown"/> when the catalog does not hold it.</summary>
    ActKind KindOf(string actId);
}

/// <param name="Citation">The norm as it is cited («Закон РК «О …», ст. 5»).</param>
/// <param name="Text">The norm's text, to find the sentence that regulates the same subject.</param>
public sealed record NeighbourNorm(NormId Id, string Citation, ActKind Kind, string Text);
