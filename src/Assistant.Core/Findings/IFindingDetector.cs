using Assistant.Core.Acts;

namespace Assistant.Core.Findings;

/// <summary>
/// One kind of analysis over the catalog's current editions in force. The analysis runs it act by act, so that a
/// killed run resumes at the next act and an ingest re-analyses only the acts it touched.
/// </summary>
public interface IFindingDetector
{
    FindingKind Kind { get; }

    /// <summary>Builds what the detector needs across the whole catalog (signatures, bylaw titles, the reference table), once per run.</summary>
    Task PrepareAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The findings whose <see cref="Finding.Norm"/> lies in <paramref name="actId"/>'s current edition in
    /// <paramref name="language"/>. A pair of norms is reported once, from the act whose norm is <see cref="Finding.Norm"/>.
    /// </summary>
    IAsyncEnumerable<Finding> DetectAsync(string actId, Language language, CancellationToken cancellationToken);
}
