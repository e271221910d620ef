using System.Globalization;
using System.Runtime.CompilerServices;
using Assistant.Core.Acts;
using Assistant.Core.Forecasts;
using Assistant.Core.Norms;
using Microsoft.Extensions.Logging;

namespace Assistant.Core.Findings;

/// <summary>
/// Norms in force that delegate a bylaw («в порядке, определяемом Правительством Республики Казахстан», «… белгілейтін
/// тәртіппен») for which the catalog holds no implementing act (<see cref="ImplementingActs"/>): each delegating
/// sentence with no such act is a gap, with the body it names and the closest act considered.
/// </summary>
public sealed partial class GapDetector(IDelegationSource source, ILogger<GapDetector> logger) : IFindingDetector
{
    /// <summary>
    /// Statutes and decrees delegate to the bodies below them. A resolution, order or local decision that names
    /// «утверждаемые уполномоченным органом» mostly repeats a law's delegation (the regulations of a local agency
    /// list the law's duties) rather than making one; and the corpus does not tell the Government's resolutions from
    /// local akimats'.
    /// </summary>
    public const int LowestDelegatingRank = 4;

    private readonly Dictionary<Language, (ImplementingActs Acts, IReadOnlyDictionary<string, int> Inbound)> _prepared = [];

    public FindingKind Kind => FindingKind.Gap;

    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        var references = await source.ArticleReferencesAsync(cancellationToken).ConfigureAwait(false);
        foreach (var language in Enum.GetValues<Language>())
        {
            var bylaws = new Bylaws(await source.BylawsAsync(language, cancellationToken).ConfigureAwait(false), language);
            var inbound = await source.InboundAsync(language, cancellationToken).ConfigureAwait(false);
            _prepared[language] = (new ImplementingActs(bylaws, references), inbound);
            Prepared(logger, language, bylaws.Count, references.Count);
        }
    }

    public async IAsyncEnumerable<Finding> DetectAsync(string actId, Language language, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (act, checks) = await CheckAsync(actId, language, cancellationToken).ConfigureAwait(false);
        var found = 0;
        foreach (var check in checks.Where(c => c.Implementation.Found is null))
        {
            var inbound = Inbound(_prepared[language].Inbound, check.Norm);
            found++;
            yield return ToFinding(act!, check, inbound, _prepared[language].Acts.TitleThreshold);
        }

        Detected(logger, actId, language, found);
    }

    /// <summary>
    /// Every delegation of the act's current edition with what the matching found for it, implemented or not: what
    /// <see cref="DetectAsync"/> reports the gaps of, and what the hand-checked sample scores.
    /// </summary>
    public async Task<(FindingAct? Act, IReadOnlyList<DelegationCheck> Checks)> CheckAsync(string actId, Language language, CancellationToken cancellationToken)
    {
        if (!_prepared.TryGetValue(language, out var prepared))
        {
            throw new InvalidOperationException("Call PrepareAsync before DetectAsync.");
        }

        var act = await source.CurrentAsync(actId, language, cancellationToken).ConfigureAwait(false);
        if (act is null || act.IsRepealed || act.IsBill || act.IsAmending || ActHierarchy.Rank(act.Kind) is not <= LowestDelegatingRank)
        {
            return (act, []);
        }

        var checks = new List<DelegationCheck>();
        foreach (var (norm, body, phrase, sentence) in Delegating(act))
        {
            cancellationToken.ThrowIfCancellationRequested();
            checks.Add(new DelegationCheck(norm, body, phrase, sentence, prepared.Acts.For(norm, phrase, sentence, body, language)));
        }

        return (act, checks);
    }

    /// <summary>
    /// The delegations of the act's norms in force. An article's text holds its points' («1. …» before each), so one
    /// sentence is found at several levels: it is kept once, at the deepest norm that holds it, the one an expert opens.
    /// </summary>
    internal static List<(NormId Norm, string Body, string Phrase, string Sentence)> Delegating(FindingAct act)
    {
        var kept = new List<(NormId Norm, string Body, string Phrase, string Sentence)>();
        var deepestFirst = act.Norms.SelectMany(n => n.SelfAndDescendants())
            .Where(n => n.Status != NormStatus.Excluded)
            .OrderByDescending(n => Depth(n.Id));
        foreach (var norm in deepestFirst)
        {
            foreach (var (body, phrase, sentence) in Delegations.InText(norm.Text, act.Language))
            {
                var seen = kept.Exists(k => k.Phrase == phrase && k.Norm.IsWithin(norm.Id) && (sentence.Contains(k.Sentence, StringComparison.Ordinal) || k.Sentence.Contains(sentence, StringComparison.Ordinal)));
                if (!seen && !kept.Exists(k => k.Norm == norm.Id && k.Phrase == phrase && k.Sentence == sentence))
                {
                    kept.Add((norm.Id, body, phrase, sentence));
                }
            }
        }

        return kept;
    }

    private static int Depth(NormId id) => (id.Article is null ? 0 : 1) + (id.Point is null ? 0 : 1) + (id.Subpoint is null ? 0 : 1);

    private static int Inbound(IReadOnlyDictionary<string, int> inbound, NormId norm)
    {
        var count = inbound.GetValueOrDefault(norm.ToString());
        return norm.TopLevel == norm ? count : count + inbound.GetValueOrDefault(norm.TopLevel.ToString());
    }

    private static Finding ToFinding(FindingAct act, DelegationCheck delegation, int inbound, double threshold)
    {
        var closest = delegation.Implementation.Closest;
        var norm = delegation.Norm.ToString();
        var kinds = string.Join(", ", Bylaws.KindsAdoptedBy(delegation.Body).Select(KindName).Order(StringComparer.Ordinal));
        var reason = string.Create(
            CultureInfo.InvariantCulture,
            $"Норма поручает принять акт ({delegation.Body}), но в каталоге нет действующего подзаконного акта, который ссылается на {ArticleName(delegation.Norm)} или называет её своим основанием, и нет акта вида «{kinds}», чьё название совпадает с предложением (порог сходства {threshold:0.##}).");
        var differs = closest is null
            ? $"делегирует: «{delegation.Phrase}»; подходящих актов в каталоге нет"
            : string.Create(CultureInfo.InvariantCulture, $"делегирует: «{delegation.Phrase}»; ближайший акт {closest.ActId} — сходство {closest.Score:0.00} ниже порога");
        var otherText = closest is null ? null : $"{closest.ActId} «{closest.Title}»";
        return new Finding(
            FindingIds.Of(FindingKind.Gap, norm, null, delegation.Body + "\u001f" + delegation.Phrase),
            FindingKind.Gap,
            act.Language,
            norm,
            null,
            delegation.Sentence,
            otherText,
            differs,
            reason,
            Math.Round(1 - (closest?.Score ?? 0), 3),
            FindingPriorityRule.Of(act.Kind, null, inbound),
            inbound);
    }

    private static string ArticleName(NormId norm) => norm.Article is null ? $"норму {norm}" : $"ст. {norm.Article} ({norm.TopLevel})";

    private static string KindName(ActKind kind) => kind switch
    {
        ActKind.Resolution => "постановление",
        ActKind.Decree => "указ",
        ActKind.Decision => "решение",
        _ => "приказ",
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Gap analysis prepared for {Language}: {Bylaws} bylaws, {References} references from acts to articles")]
    private static partial void Prepared(ILogger logger, Language language, int bylaws, int references);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Gaps in {ActId} ({Language}): {Found}")]
    private static partial void Detected(ILogger logger, string actId, Language language, int found);
}

/// <summary>A delegating sentence, the deepest norm (point, subpoint) that holds it, and what the matching found for it.</summary>
public sealed record DelegationCheck(NormId Norm, string Body, string Phrase, string Sentence, Implementation Implementation);
