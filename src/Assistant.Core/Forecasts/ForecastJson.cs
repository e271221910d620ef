using System.Text.Encodings.Web;
using System.Text.Json;
using Assistant.Core.Acts;

namespace Assistant.Core.Forecasts;

/// <summary>
/// The forecast as one JSON document, the same from the CLI (<c>draft forecast --json</c>) and the API
/// (<c>GET /v1/forecasts/{id}</c>): {"title","lang","acts","affected","dependents","brokenReferences","terms",
/// "findings","followUps","conflicts","narrative"}.
/// </summary>
public static class ForecastJson
{
    /// <summary>Cyrillic written as is, not as \u escapes, so the document stays readable.</summary>
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Serialize(Forecast forecast) => JsonSerializer.Serialize(Document(forecast), Options);

    private static object Document(Forecast forecast)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        return new
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
            followUps = forecast.FollowUps.Select(f => new { norm = f.Norm, body = f.Body, phrase = f.Phrase, sentence = f.Sentence, existing = f.Existing.Select(e => new { act = e.ActId, title = e.Title, basis = e.Basis, score = e.Score }) }),
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
            narrative = Narrative(forecast.Narrative),
        };
    }

    private static object Value(NormValue v) => new { phrase = v.Phrase, normalized = v.Normalized };

    /// <summary>aiGenerated says who wrote it, as the AI Concept requires readers be told; it is false only when absent.</summary>
    private static object Narrative(ForecastNarrative narrative) => new
    {
        present = narrative.IsPresent,
        aiGenerated = narrative.IsPresent,
        model = narrative.Model,
        reason = narrative.AbsentReason,
        items = narrative.Items.Select(i => new
        {
            area = i.Area.ToString().ToLowerInvariant(),
            text = i.Text,
            cites = i.Cites.Select(c => new { number = c.Number, finding = c.Finding, norms = c.Norms }),
        }),
        removedCitations = narrative.RemovedCitations,
        droppedItems = narrative.DroppedItems,
        usage = narrative.Usage is { } usage
            ? new { promptTokens = usage.PromptTokens, outputTokens = usage.OutputTokens, promptTokensPerSecond = Math.Round(usage.PromptTokensPerSecond, 1), outputTokensPerSecond = Math.Round(usage.OutputTokensPerSecond, 1) }
            : null,
    };

    private static object Dependent(DependentNorm d) =>
        new { from = d.From, act = d.Citation, reference = d.Reference, target = d.Target, affected = d.Affected, sentence = d.Sentence };
}
