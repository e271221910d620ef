using Assistant.Core.Acts;
using Assistant.Core.Adilet;
using Assistant.Core.Norms;
using Assistant.Core.Retrieval;
using Assistant.Storage.Catalog;

namespace Assistant.Api.Endpoints;

/// <param name="Act">Only norms of this act (Adilet code).</param>
/// <param name="IncludeRepealed">Also acts repealed or expired.</param>
/// <param name="Mode">lexical, dense or hybrid; absent: hybrid when vectors are configured, lexical otherwise.</param>
/// <param name="AsOf">Search the law as it stood on this date (YYYY-MM-DD): each act's edition in force then, lexically.</param>
public sealed record SearchRequest(string? Query, int? Top, string? Lang, string? Act, bool? IncludeRepealed, string? Mode = null, string? AsOf = null);

/// <param name="Mode">The retrieval mode that ranked the hits.</param>
/// <param name="Expansions">What the thesaurus added to the query (words the user wrote, and the acts' wording also searched).</param>
public sealed record SearchResponse(string Mode, IReadOnlyList<NormHit> Hits, IReadOnlyList<SearchExpansion> Expansions);

/// <param name="Kind">everyday, translation or abbreviation.</param>
/// <param name="Source">Where the relation comes from (an article, a parallel text, an editor).</param>
public sealed record SearchExpansion(string From, string To, string Kind, string Source)
{
    public static SearchExpansion Of(AppliedExpansion applied) =>
        new(applied.From, applied.To, applied.Kind.ToCode(), applied.Source);
}

/// <summary>A norm found by search, with its display citation.</summary>
/// <param name="ArticleHeading">For a paragraph: its article's heading.</param>
/// <param name="LexicalRank">In hybrid mode: the rank the lexical side gave it, if any.</param>
/// <param name="DenseRank">In hybrid mode: the rank the dense side gave it, if any.</param>
public sealed record NormHit(
    string NormId,
    string Lang,
    string ActId,
    string Citation,
    string? Heading,
    double Score,
    bool NamedInQuery,
    string Snippet,
    string? ArticleHeading,
    int? LexicalRank,
    int? DenseRank)
{
    public static NormHit From(SearchHit hit) => new(
        hit.NormId.ToString(),
        hit.Language.ToCode(),
        hit.ActId,
        hit.Citation,
        hit.Heading,
        Math.Round(hit.Score, 6),
        hit.NamedInQuery,
        hit.Snippet,
        hit.ArticleHeading,
        hit.LexicalRank,
        hit.DenseRank);
}

public sealed record ActView(
    string Id,
    string Lang,
    string Title,
    ActKind Kind,
    DateOnly? AdoptedOn,
    string? Number,
    ActStatus Status,
    string? Edition,
    bool IsCurrent,
    IReadOnlyList<string?> Editions,
    int Norms,
    Uri AdiletUrl)
{
    public static ActView From(ActSummary act) => new(
        act.Id, act.Language.ToCode(), act.Title, act.Kind, act.AdoptedOn, act.Number, act.Status, act.Edition, act.IsCurrent, act.Editions, act.Norms,
        AdiletPage.Of(act.Id, act.Language));
}

public sealed record FootnoteView(string Text, string? AmendingAct, DateOnly? AmendedOn);

public sealed record ReferenceOutView(string Text, string? TargetActId, string? TargetNormId, string? TargetCitation);

public sealed record ReferenceInView(string From, string Citation, string Text);

/// <summary>One amending law of a norm's history, read from its footnotes.</summary>
/// <param name="Actions">changed, supplemented, restated, repealed.</param>
public sealed record AmendmentView(string Law, DateOnly? AdoptedOn, string? Number, IReadOnlyList<string> Actions, DateOnly? InForceOn, string? InForce)
{
    public static AmendmentView From(Amendment amendment) => new(
        amendment.Law,
        amendment.AdoptedOn,
        amendment.Number,
        [.. amendment.Actions.Select(a => a.ToString().ToLowerInvariant())],
        amendment.InForceOn,
        amendment.InForce);
}

public sealed record NormView(
    string Id,
    string Lang,
    string ActTitle,
    string Citation,
    string? Heading,
    string Text,
    string Path,
    string Status,
    string? Edition,
    bool IsCurrentEdition,
    IReadOnlyList<FootnoteView> Footnotes,
    IReadOnlyList<AmendmentView> History,
    IReadOnlyList<string> EditorialNotes,
    IReadOnlyList<ReferenceOutView> ReferencesOut,
    IReadOnlyList<ReferenceInView> ReferencesIn,
    IReadOnlyList<string> Parts,
    IReadOnlyList<string> Languages,
    Uri AdiletUrl)
{
    public static NormView From(NormDetails norm) => new(
        norm.Id.ToString(),
        norm.Language.ToCode(),
        norm.ActTitle,
        norm.Citation,
        norm.Heading,
        norm.Text,
        norm.Path,
        norm.Status.ToString(),
        norm.Edition,
        norm.IsCurrentEdition,
        [.. norm.Footnotes.Select(f => new FootnoteView(f.Text, f.AmendingAct, f.AmendedOn))],
        [.. norm.Footnotes.SelectMany(f => FootnoteReader.Amendments(f.Text)).Select(AmendmentView.From)],
        [.. norm.EditorialNotes.Select(n => n.Text)],
        [.. norm.ReferencesOut.Select(r => new ReferenceOutView(r.Text, r.TargetActId, r.TargetNormId?.ToString(), r.TargetCitation))],
        [.. norm.ReferencesIn.Select(r => new ReferenceInView(r.From.ToString(), r.Citation, r.Text))],
        [.. norm.Parts.Select(p => p.Id.ToString())],
        [.. norm.Languages.Select(l => l.ToCode())],
        norm.AdiletUrl);
}
