using System.Runtime.CompilerServices;
using Assistant.Core.Acts;
using Assistant.Core.Forecasts;
using Assistant.Core.Norms;
using Microsoft.Extensions.Logging;

namespace Assistant.Core.Findings;

/// <summary>
/// References of norms in force that point where the law no longer is: at a repealed act, at a norm excluded from its
/// act, at a norm the current edition of its act does not have, or at one only an older edition has (the older
/// numbering). Only references the catalog resolved to a target count: an unread one says nothing of its target.
/// </summary>
public sealed partial class BrokenReferenceDetector(IReferenceTargets targets, ILogger<BrokenReferenceDetector> logger) : IFindingDetector
{
    private Dictionary<(string ActId, Language Language), List<ResolvedReference>> _byAct = [];
    private Dictionary<string, List<CatalogActStatus>> _acts = new(StringComparer.Ordinal);
    private readonly Dictionary<Language, IReadOnlyDictionary<string, int>> _inbound = [];

    public FindingKind Kind => FindingKind.BrokenReference;

    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        var references = await targets.ReferencesAsync(cancellationToken).ConfigureAwait(false);
        _byAct = references.GroupBy(r => (r.From.ActId, r.Language)).ToDictionary(g => g.Key, g => g.ToList());
        _acts = (await targets.ActsAsync(cancellationToken).ConfigureAwait(false))
            .GroupBy(a => a.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var language in Enum.GetValues<Language>())
        {
            _inbound[language] = await targets.InboundAsync(language, cancellationToken).ConfigureAwait(false);
        }

        Prepared(logger, references.Count, _acts.Count);
    }

    public async IAsyncEnumerable<Finding> DetectAsync(string actId, Language language, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!_inbound.TryGetValue(language, out var inbound))
        {
            throw new InvalidOperationException("Call PrepareAsync before DetectAsync.");
        }

        if (!_byAct.TryGetValue((actId, language), out var references))
        {
            yield break;
        }

        var act = await targets.CurrentAsync(actId, language, cancellationToken).ConfigureAwait(false);
        if (act is null || act.IsRepealed || act.IsBill || act.IsAmending)
        {
            yield break;
        }

        var texts = act.Norms.SelectMany(n => n.SelfAndDescendants()).ToDictionary(n => n.Id, n => n);
        var checkable = references
            .Where(r => texts.TryGetValue(r.From, out var norm) && norm.Status != NormStatus.Excluded && !Repeals(norm.Text))
            .DistinctBy(r => (r.From, r.TargetActId, r.Target, r.Words))
            .ToList();
        var presence = await targets.PresenceAsync(
            [.. checkable.Where(r => r.Target is { Annex: null }).Select(r => r.Target!.Value).Distinct()],
            language,
            cancellationToken).ConfigureAwait(false);

        var found = 0;
        foreach (var reference in checkable)
        {
            if (Check(reference, presence) is not { } broken)
            {
                continue;
            }

            var from = reference.From.ToString();
            var count = inbound.GetValueOrDefault(from) + (reference.From.TopLevel == reference.From ? 0 : inbound.GetValueOrDefault(reference.From.TopLevel.ToString()));
            found++;
            yield return new Finding(
                FindingIds.Of(FindingKind.BrokenReference, from, broken.OtherNorm, reference.Words),
                FindingKind.BrokenReference,
                language,
                from,
                broken.OtherNorm,
                Sentences.Around(texts[reference.From].Text, reference.Words),
                broken.OtherText,
                $"«{reference.Words}» → {broken.Holds}",
                broken.Reason,
                broken.Score,
                FindingPriorityRule.Of(act.Kind, null, count),
                count);
        }

        Detected(logger, actId, language, found);
    }

    private sealed record Broken(string OtherNorm, string? OtherText, string Holds, string Reason, double Score);

    private Broken? Check(ResolvedReference reference, IReadOnlyDictionary<NormId, NormPresence> presence)
    {
        if (!_acts.TryGetValue(reference.TargetActId, out var target))
        {
            // An act the catalog does not hold may well be in force: nothing to judge it by.
            return null;
        }

        var title = (target.Find(a => a.Language == reference.Language) ?? target[0]).Title;
        if (reference.TargetActId != reference.From.ActId && target.TrueForAll(a => a.Status is ActStatus.Repealed or ActStatus.Expired))
        {
            var status = target[0].Status == ActStatus.Expired ? "утратил силу (истёк срок)" : "утратил силу";
            return new Broken(
                reference.Target?.ToString() ?? reference.TargetActId,
                $"{reference.TargetActId} «{title}»",
                $"в каталоге акт {reference.TargetActId} {status}",
                "Ссылка действующей нормы на акт, утративший силу: его статус в каталоге — не действует.",
                0.9);
        }

        if (reference.Target is not { Annex: null } norm || !presence.TryGetValue(norm, out var found))
        {
            return null;
        }

        var deep = norm.Point is not null;
        return found.Kind switch
        {
            NormPresenceKind.Excluded => new Broken(
                norm.ToString(),
                found.Text,
                $"в действующей редакции {reference.TargetActId} норма {norm} исключена",
                "Ссылка на норму, исключённую из действующей редакции акта.",
                0.85),
            NormPresenceKind.OlderEdition => new Broken(
                norm.ToString(),
                found.Text,
                $"норма {norm} есть только в редакции {found.Edition}, в действующей её нет",
                "Ссылка по прежней нумерации: такая норма есть только в более старой редакции акта.",
                0.7),
            NormPresenceKind.Missing => new Broken(
                norm.ToString(),
                found.Text,
                $"в действующей редакции {reference.TargetActId} «{title}» нормы {norm} нет",
                deep
                    ? "Ссылка на пункт или подпункт, которого нет в действующей редакции акта."
                    : "Ссылка на статью, которой нет в действующей редакции акта.",
                deep ? 0.6 : 0.8),
            _ => null,
        };
    }

    /// <summary>A norm that repeals the act it names («признать утратившим силу …») refers to it to end it.</summary>
    private static bool Repeals(string text) =>
        text.Contains("утратившим", StringComparison.OrdinalIgnoreCase)
        || text.Contains("күші жойылды", StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(Level = LogLevel.Information, Message = "Broken-reference analysis prepared: {References} resolved references, {Acts} acts")]
    private static partial void Prepared(ILogger logger, int references, int acts);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Broken references in {ActId} ({Language}): {Found}")]
    private static partial void Detected(ILogger logger, string actId, Language language, int found);
}
