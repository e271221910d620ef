using Assistant.Web.Api;

namespace Assistant.Web.Components.Chat;

/// <summary>One question and its answer as the chat page shows them while the answer streams and after.</summary>
public sealed class ChatTurn(string question)
{
    public string Question { get; } = question;

    public string Streamed { get; set; } = string.Empty;

    /// <summary>How many pieces of text the answer streamed in before it was verified.</summary>
    public int Deltas { get; set; }

    public IReadOnlyList<AnswerSource> Sources { get; set; } = [];

    public VerifiedAnswer? Verified { get; set; }

    public string? Failure { get; set; }

    /// <summary>An answer read back from a stored conversation: its text only, without the events that verified it.</summary>
    public bool IsStored { get; init; }
}
