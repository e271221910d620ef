using Assistant.Core.Acts;
using Assistant.Core.Drafts;
using Assistant.Core.Forecasts;

namespace Assistant.Indexer.Commands;

/// <summary>The JSON documents of the draft commands.</summary>
internal static class DraftJson
{
    public static object Parsed(ParsedDraft draft) => new
    {
        title = draft.Title,
        lang = draft.Language.ToCode(),
        acts = draft.TargetActs,
        instructions = draft.Instructions.Select(i => new
        {
            line = i.Line,
            instruction = i.Text,
            kind = i.Operation.Kind.ToString(),
            target = i.Operation.Target.ToString(),
            norm = i.Operation.Target.Norm?.ToString(),
            words = i.Operation.Words,
            newWords = i.Operation.NewWords,
            unit = i.Operation.Unit is { } unit ? new { kind = unit.Kind.ToString(), number = unit.Number } : null,
            content = i.Operation.Content,
        }),
        failed = Failed(draft.Failed),
    };

    /// <summary>Exactly {"act","edition","norms":[{"id","article","before","after"}],"failed":[{"line","instruction","reason"}]}.</summary>
    public static object Applied(Consolidation result) => new
    {
        act = result.ActId,
        edition = result.Edition,
        norms = result.Norms.Select(n => new { id = n.Id, article = n.Article, before = n.Before, after = n.After }),
        failed = Failed(result.Failed),
    };

    /// <summary>{"title","lang","acts":[applied],"affected","dependents","brokenReferences","terms","findings","followUps","conflicts","narrative"}.</summary>
    public static object Forecast(Forecast forecast) => new
    {
        title = forecast.Title,
        lang = forecast.Language.ToCode(),
        acts = forecast.Acts.Select(a => new
        {
            act = a.ActId,
            edition = a.Edition,
            norms = a.Norms.Select(n => new { id = n.Id, article = n.Article, before = n.Before, after = n.After, redline = n.Redline.Select(s => new { kind = s.Kind.ToString().ToLowerInvariant(), text = s.Text }) }),
        }),
        affected = forecast.Affected.Select(a => new { id = a.Id, change = a.Change.ToString().ToLowerInvariant(), lines = a.Lines }),
        dependents = forecast.Dependents.Select(Dependent),
        brokenReferences = forecast.BrokenReferences.Select(Dependent),
        terms = forecast.Terms.Select(t => new { definition = t.Definition, term = t.Term, change = t.Change.ToString().ToLowerInvariant(), usedIn = t.UsedIn }),
        findings = forecast.Findings.Select(f => new { rule = f.Rule, line = f.Line, message = f.Message, norms = f.Norms }),
        followUps = forecast.FollowUps.Select(f => new { norm = f.Norm, body = f.Body, phrase = f.Phrase, sentence = f.Sentence }),
        conflicts = forecast.Conflicts.Select(c => new
        {
            norm = c.Norm,
            other = c.Other,
            otherCitation = c.OtherCitation,
            type = c.Kind.ToString().ToLowerInvariant(),
            kind = c.Value.Kind.ToString().ToLowerInvariant(),
            value = Value(c.Value),
            otherValue = Value(c.OtherValue),
            sentence = c.Sentence,
            otherSentence = c.OtherSentence,
            overlap = c.Overlap,
            actKind = c.ActKind.ToString(),
            otherActKind = c.OtherActKind.ToString(),
            hierarchy = c.Hierarchy.ToString().ToLowerInvariant(),
        }),
        narrative = new { present = false, reason = forecast.Narrative },
    };

    private static object Value(NormValue v) => new { phrase = v.Phrase, normalized = v.Normalized };

    private static object Dependent(DependentNorm d) =>
        new { from = d.From, act = d.Citation, reference = d.Reference, target = d.Target, affected = d.Affected, sentence = d.Sentence };

    private static IEnumerable<object> Failed(IReadOnlyList<FailedInstruction> failed) =>
        failed.Select(f => new { line = f.Line, instruction = f.Instruction, reason = f.Reason });
}
