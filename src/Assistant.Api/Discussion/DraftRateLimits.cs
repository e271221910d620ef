using System.Threading.RateLimiting;
using Assistant.Api.Hosting;
using Assistant.Api.Security;
using Microsoft.Extensions.Options;

namespace Assistant.Api.Discussion;

/// <summary>
/// Limits per draft, whoever calls: a discussion flooded from many addresses still answers only so many questions
/// and takes only so many comments a minute. Per-address limits are the "public-questions" and "public-comments" policies.
/// </summary>
internal sealed class DraftRateLimits : IDisposable
{
    private readonly PartitionedRateLimiter<string> _questions;
    private readonly PartitionedRateLimiter<string> _comments;
    private readonly DiscussionOptions _options;

    public DraftRateLimits(IOptions<DiscussionOptions> options)
    {
        _options = options.Value;
        _questions = PerMinute(_options.QuestionsPerDraftPerMinute);
        _comments = PerMinute(_options.CommentsPerDraftPerMinute);
    }

    /// <summary>A 429 problem when the draft has had its questions this minute; null when this one may go on.</summary>
    public IResult? Question(HttpContext context, string draftId) => Acquire(context, _questions, draftId, _options.QuestionsPerDraftPerMinute, "questions");

    public IResult? Comment(HttpContext context, string draftId) => Acquire(context, _comments, draftId, _options.CommentsPerDraftPerMinute, "comments");

    public void Dispose()
    {
        _questions.Dispose();
        _comments.Dispose();
    }

    private static IResult? Acquire(HttpContext context, PartitionedRateLimiter<string> limiter, string draftId, int limit, ProblemText what)
    {
        using var lease = limiter.AttemptAcquire(draftId);
        if (lease.IsAcquired)
        {
            return null;
        }

        var seconds = RateLimitRejection.RetryAfter(context, lease, windowSeconds: 60);
        return Problems.TypedProblem(StatusCodes.Status429TooManyRequests, "Too many requests", $"This draft takes at most {limit} {what} per minute from all visitors; retry in {seconds} s.", null);
    }

    private static PartitionedRateLimiter<string> PerMinute(int permits) =>
        PartitionedRateLimiter.Create<string, string>(draft => RateLimitPartition.GetFixedWindowLimiter(
            draft,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
}
