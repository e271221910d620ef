using Assistant.Api.Hosting;
using Assistant.Api.Security;
using Assistant.Core.Acts;
using Assistant.Core.Discussion;
using Assistant.Core.Discussion.Analytics;
using Assistant.Core.Drafts;

namespace Assistant.Api.Discussion;

/// <summary>
/// GET /v1/drafts/{id}/discussion?article=&amp;lang=: what the public said of a draft, for deputies, experts, moderators and admins —
/// stance overall, per day and per article, and topics kept apart by stance, over the published comments.
/// </summary>
internal static class AnalyticsEndpoints
{
    private const int ExamplesPerTopic = 3;

    private const int MaxComments = 20_000;

    public static void MapAnalyticsEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/v1/drafts/{id}/discussion", AnalyseAsync).WithTags("discussion").WithName("draftDiscussion").RequireChatAccess();

    private static async Task<IResult> AnalyseAsync(string id, string? article, string? lang, IDraftStore drafts, IDiscussionStore discussions, TopicNames names, CancellationToken cancellationToken)
    {
        var reader = Language.Ru;
        if (lang is not null && !LanguageCodes.TryParse(lang, out reader))
        {
            return Problems.BadRequest($"lang is '{lang}'; it must be ru or kk.", "lang");
        }

        if (await drafts.GetAsync(id, cancellationToken) is null)
        {
            return Problems.NotFound($"No draft has the id '{id}'.");
        }

        var comments = (await discussions.ListCommentsAsync(id, CommentStatus.Published, MaxComments, cancellationToken))
            .Where(c => article is null || string.Equals(c.Article, article, StringComparison.Ordinal))
            .ToList();
        var analysis = DiscussionAnalyzer.Analyze([.. comments.Select(c => new CommentSample(c.Id, c.Text, c.Language, c.Article, c.ModeratedAt ?? c.SubmittedAt))]);
        var texts = comments.ToDictionary(c => c.Id, c => c.Text);
        var naming = names.Start();
        var topics = new List<TopicView>();
        foreach (var topic in analysis.Topics)
        {
            var examples = topic.CommentIds.Take(ExamplesPerTopic).Select(c => new ExampleView(c, texts[c])).ToList();
            var named = topic.IsOther ? null : await naming.NameAsync(topic, examples.Select(e => e.Text).ToList(), cancellationToken);
            topics.Add(new TopicView(topic.Stance, topic.Language.ToCode(), topic.KeyTerms, topic.CommentIds.Count, examples, topic.IsOther, named?.Name, named?.Summary));
        }

        return Results.Ok(new DiscussionView(
            id,
            analysis.Total,
            Counts.Of(analysis.Stances),
            [.. analysis.OverTime.Select(d => new DayView(d.Day, d.Counts.Support, d.Counts.Oppose, d.Counts.Neutral))],
            [.. analysis.Articles.Select(a => new ArticleView(a.Article, a.Counts.Support, a.Counts.Oppose, a.Counts.Neutral))],
            topics,
            DiscussionAnalyzer.MethodIn(reader),
            names.Model));
    }
}

/// <param name="TopicModel">The model that named and summarised topics; null when none did (key terms stand).</param>
internal sealed record DiscussionView(string DraftId, int Total, Counts Stances, IReadOnlyList<DayView> OverTime, IReadOnlyList<ArticleView> Articles, IReadOnlyList<TopicView> Topics, string Method, string? TopicModel);

internal sealed record Counts(int Support, int Oppose, int Neutral)
{
    public static Counts Of(StanceCounts counts) => new(counts.Support, counts.Oppose, counts.Neutral);
}

internal sealed record DayView(DateOnly Day, int Support, int Oppose, int Neutral);

/// <param name="Article">Null: comments on the draft as a whole.</param>
internal sealed record ArticleView(string? Article, int Support, int Oppose, int Neutral);

/// <param name="Other">The comments of this stance and language that share a theme with no other.</param>
/// <param name="Name">Written by the model, when one is configured: label it as AI-written.</param>
internal sealed record TopicView(Stance Stance, string Lang, IReadOnlyList<string> KeyTerms, int Comments, IReadOnlyList<ExampleView> Examples, bool Other, string? Name, string? Summary);

internal sealed record ExampleView(long Id, string Text);
