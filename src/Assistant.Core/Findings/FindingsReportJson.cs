using System.Text.Encodings.Web;
using System.Text.Json;
using Assistant.Core.Acts;

namespace Assistant.Core.Findings;

/// <summary>
/// The analytical report as one JSON document, the same from <c>findings report --json</c> and
/// <c>GET /v1/findings/report?format=json</c>: {"generated","counts","sections","stability","demand"}, codes in
/// lower case as the findings API writes them.
/// </summary>
public static class FindingsReportJson
{
    /// <summary>Cyrillic written as is, not as \u escapes, so the document stays readable.</summary>
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Serialize(FindingsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return JsonSerializer.Serialize(
            new
            {
                generated = report.Generated,
                counts = report.Counts.Select(c => new { kind = c.Kind.ToCode(), total = c.Total, high = c.High, medium = c.Medium, low = c.Low, confirmed = c.Confirmed, dismissed = c.Dismissed }),
                sections = report.Sections.Select(s => new { kind = s.Kind.ToCode(), total = s.Total, top = s.Top.Select(Finding) }),
                stability = report.Stability is { } stability ? new
                {
                    referenceDate = stability.ReferenceDate,
                    acts = stability.Acts.Select(a => new { act = a.ActId, title = a.Title, lang = a.Language.ToCode(), counts = Counts(a.Counts), normsAmended = a.NormsAmended, chapters = a.Chapters.Select(c => new { chapter = c.Chapter, counts = Counts(c.Counts), normsAmended = c.NormsAmended }) }),
                    norms = stability.Norms.Select(n => new { norm = n.Norm.ToString(), title = n.ActTitle, lang = n.Language.ToCode(), heading = n.Heading, chapter = n.Chapter, counts = Counts(n.Counts), lastAmended = n.LastAmended }),
                } : null,
                demand = report.Demand is { } demand ? new
                {
                    asked = demand.Asked,
                    unanswered = demand.Unanswered,
                    ungrouped = demand.Ungrouped,
                    byMonth = demand.ByMonth.Select(m => new { month = m.Month, questions = m.Questions }),
                    topics = demand.Topics.Select(t => new { lang = t.Language.ToCode(), terms = t.Terms, questions = t.Questions, chat = t.Chat, portal = t.Portal, byMonth = t.ByMonth.Select(m => new { month = m.Month, questions = m.Questions }) }),
                } : null,
            },
            Options);
    }

    private static object Counts(AmendmentCounts counts) => new { lastYear = counts.LastYear, last3Years = counts.Last3Years, last5Years = counts.Last5Years };

    private static object Finding(StoredFinding stored) => new
    {
        id = stored.Finding.Id,
        kind = stored.Finding.Kind.ToCode(),
        lang = stored.Finding.Language.ToCode(),
        norm = stored.Finding.Norm,
        otherNorm = stored.Finding.OtherNorm,
        text = stored.Finding.Text,
        otherText = stored.Finding.OtherText,
        differs = stored.Finding.Differs,
        reason = stored.Finding.Reason,
        score = stored.Finding.Score,
        priority = stored.Finding.Priority.ToCode(),
        inboundReferences = stored.Finding.InboundReferences,
        status = stored.Review.Status.ToCode(),
        comment = stored.Review.Comment,
        firstFound = stored.FirstFound,
        lastFound = stored.LastFound,
    };
}
