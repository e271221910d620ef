using Assistant.Core.Norms;

namespace Assistant.Core.Forecasts;

/// <summary>
/// A forecast's dependents and broken references against ground truth computed apart, from the catalog's whole
/// reference table: every (referring norm, target) whose target is an affected norm, lies inside one, or holds one.
/// </summary>
/// <param name="Expected">Ground-truth pairs.</param>
/// <param name="Found">Ground-truth pairs the forecast lists (a pair counts when the forecast names the same target from that norm or from a part of it).</param>
/// <param name="Listed">Pairs the forecast lists.</param>
/// <param name="Correct">Listed pairs that are in the reference table and whose target is related to an affected norm.</param>
public sealed record DependentsScore(int Expected, int Found, int Listed, int Correct)
{
    public static DependentsScore Of(Forecast forecast, IReadOnlyList<(NormId From, NormId Target)> references)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        ArgumentNullException.ThrowIfNull(references);
        var affected = forecast.Affected.Select(a => NormId.Parse(a.Id)).ToList();
        var acts = affected.Select(a => a.ActId).ToHashSet(StringComparer.Ordinal);
        var truth = references
            .Where(r => acts.Contains(r.Target.ActId) && affected.Any(a => r.Target.IsWithin(a) || a.IsWithin(r.Target)))
            .ToHashSet();
        var listed = forecast.Dependents.Concat(forecast.BrokenReferences).Select(d => (From: NormId.Parse(d.From), Target: NormId.Parse(d.Target))).ToHashSet();
        var found = truth.Count(t => listed.Any(l => l.Target == t.Target && l.From.IsWithin(t.From)));
        var correct = listed.Count(truth.Contains);
        return new DependentsScore(truth.Count, found, listed.Count, correct);
    }

    public DependentsScore Add(DependentsScore other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Expected + other.Expected, Found + other.Found, Listed + other.Listed, Correct + other.Correct);
    }
}
