using System.Diagnostics;
using Microsoft.Extensions.AI;

namespace Assistant.Core.Answers;

/// <summary>
/// Keeps the counts of a model's streamed reply as its updates pass: tokens in and out, and when its first text came
/// (mostly the prompt's evaluation) — what an answer, a forecast's narrative and a raw completion all report.
/// </summary>
public sealed class StreamedReply
{
    private readonly long _asked = Stopwatch.GetTimestamp();

    public long PromptTokens { get; private set; }

    public long OutputTokens { get; private set; }

    /// <summary>From the request to the first text; null while none has come.</summary>
    public TimeSpan? FirstToken { get; private set; }

    /// <summary>From the request until now.</summary>
    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_asked);

    /// <summary>Counts the update's usage; its text, or null when it carries none.</summary>
    public string? Read(ChatResponseUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        foreach (var usage in update.Contents.OfType<UsageContent>())
        {
            PromptTokens += usage.Details.InputTokenCount ?? 0;
            OutputTokens += usage.Details.OutputTokenCount ?? 0;
        }

        if (string.IsNullOrEmpty(update.Text))
        {
            return null;
        }

        FirstToken ??= Elapsed;
        return update.Text;
    }
}
