using System.Text.Encodings.Web;
using System.Text.Json;
using Assistant.Core.Acts;

namespace Assistant.Core.Forecasts;

/// <summary>
/// The forecast as one JSON document, the same from the CLI (<c>draft forecast --json</c>) and the API
/// (<c>GET /v1/forecasts/{id}</c>): {"title","lang","acts","affected","dependents","brokenReferences","terms",
/// "findings","followUps","narrative"}.
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
            followUps = forecast.FollowUps.Select(f => new { norm = f.Norm, body = f.Body, phrase = f.Phrase, sentence = f.Sentence }),
            narrative = new { present = false, reason = forecast.Narrative },
        };
    }

    private static object Dependent(DependentNorm d) =>
        new { from = d.From, act = d.Citation, reference = d.Reference, target = d.Target, affected = d.Affected, sentence = d.Sentence };
}
