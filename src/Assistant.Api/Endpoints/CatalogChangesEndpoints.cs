using Assistant.Api.Hosting;
using Assistant.Core.Acts;
using Assistant.Core.Changes;
using Assistant.Storage.Catalog;

namespace Assistant.Api.Endpoints;

/// <summary>What changed in an act between two of its editions: <c>GET /v1/acts/{id}/changes?from=&amp;to=&amp;lang=</c>.</summary>
internal static class CatalogChangesEndpoints
{
    public static IResult Changes(string id, string? from, string? to, string? lang, LegalCatalog catalog)
    {
        if (RequestValidation.Language(lang, out var language) is { } badLanguage)
        {
            return badLanguage;
        }

        try
        {
            return Results.Ok(ChangeReportView.Of(ActChanges.Between(catalog, id, language ?? Language.Ru, from, to)));
        }
        catch (KeyNotFoundException e)
        {
            return Problems.NotFound(e.Message);
        }
    }
}

/// <summary>One stretch of a redline: kept, deleted or inserted words.</summary>
public sealed record RedlineView(string Kind, string Text)
{
    public static RedlineView Of(RedlineSegment segment) => new(segment.Kind.ToCode(), segment.Text);
}

/// <param name="Article">The norm's number as the act prints it («93», «124-1»).</param>
/// <param name="Change">added, changed, repealed or renumbered.</param>
public sealed record NormChangeView(string Id, string Article, string Change, IReadOnlyList<RedlineView> Redline);

/// <summary>The norms of an act that differ from edition <c>from</c> to edition <c>to</c>.</summary>
public sealed record ChangeReportView(string Act, string From, string To, IReadOnlyList<NormChangeView> Norms)
{
    public static ChangeReportView Of(ChangeReport report) => new(
        report.Act,
        report.From,
        report.To,
        [.. report.Norms.Select(n => new NormChangeView(n.Id, n.Article, n.Change.ToCode(), [.. n.Redline.Select(RedlineView.Of)]))]);
}
