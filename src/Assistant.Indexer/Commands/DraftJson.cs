using Assistant.Core.Acts;
using Assistant.Core.Drafts;

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

    private static IEnumerable<object> Failed(IReadOnlyList<FailedInstruction> failed) =>
        failed.Select(f => new { line = f.Line, instruction = f.Instruction, reason = f.Reason });
}
