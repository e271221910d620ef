using Assistant.Core.Discussion;

namespace Assistant.Api.Discussion;

/// <summary>How the public discussion of drafts is run (section "Discussion").</summary>
internal sealed class DiscussionOptions
{
    public const string Section = "Discussion";

    /// <summary>Longest public question, in characters.</summary>
    public int MaxQuestionLength { get; set; } = 1_000;

    /// <summary>Below this share of the question's terms in one of the best sources, a question is outside the draft (see <see cref="DraftScope.DefaultMinTermCoverage"/>).</summary>
    public double MinTermCoverage { get; set; } = DraftScope.DefaultMinTermCoverage;

    /// <summary>Questions per minute one draft answers, whoever asks (per-address limits come first).</summary>
    public int QuestionsPerDraftPerMinute { get; set; } = 60;

    /// <summary>Comments per minute one draft accepts, whoever submits them.</summary>
    public int CommentsPerDraftPerMinute { get; set; } = 30;

    /// <summary>Topics the chat model names and summarises per analytics request, when a model is loaded; 0: key terms only.</summary>
    public int NamedTopics { get; set; } = 6;

    /// <summary>Longest drafting body's reply, in characters.</summary>
    public int MaxReplyLength { get; set; } = 4_000;
}
