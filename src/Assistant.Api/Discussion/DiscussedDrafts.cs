using Assistant.Core.Discussion;
using Assistant.Core.Drafts;
using Assistant.Storage.Catalog;

namespace Assistant.Api.Discussion;

/// <summary>Drafts as the portal shows them: only those published, each with its outline and its changes to the law in force.</summary>
internal sealed class DiscussedDrafts(IDraftStore drafts, IDiscussionStore discussions, LegalCatalog catalog)
{
    /// <summary>The published draft, or null when it is unknown or not published (the public cannot tell which).</summary>
    public async Task<DiscussedDraft?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var publication = await discussions.GetPublicationAsync(id, cancellationToken);
        if (publication is null)
        {
            return null;
        }

        var draft = await drafts.GetAsync(id, cancellationToken);
        return draft is null ? null : new DiscussedDraft(draft, publication, DraftOutline.Read(draft.Text));
    }

    /// <summary>The draft applied to the current edition of each act it amends.</summary>
    public IReadOnlyList<Consolidation> Changes(Draft draft) =>
        new DraftConsolidator(catalog).Apply(new DraftParser(new ActResolver(catalog.ActTitles())).Parse(draft.Text));

    public string ActTitle(string actId, Core.Acts.Language language) =>
        catalog.GetAct(actId, language)?.Title ?? catalog.GetAct(actId)?.Title ?? actId;

    public IReadOnlyList<ActRef> Acts(Draft draft) => [.. draft.TargetActs.Select(act => new ActRef(act, ActTitle(act, draft.Language)))];
}

internal sealed record DiscussedDraft(Draft Draft, Publication Publication, IReadOnlyList<DraftArticle> Outline);
