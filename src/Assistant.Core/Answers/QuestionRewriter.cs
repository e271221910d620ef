using System.Text;
using System.Text.Json;
using Assistant.Core.Acts;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;

namespace Assistant.Core.Answers;

/// <summary>
/// Restates a question in the words of legislation through the kernel's chat model, and a Kazakh question in Russian
/// too: search then looks for «расторжение трудового договора по инициативе работника» beside «хочу уволиться».
/// Without a model nothing is rewritten, and the result says so.
/// </summary>
public sealed class QuestionRewriter(Kernel kernel, RewritePrompt prompt, int maxTokens = 160)
{
    public const string NoModel = "no chat model is configured: the question is searched as asked";

    public async Task<QuestionRewrite> RewriteAsync(string question, Language language, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(question);
        if (kernel.Services.GetService<IChatClient>() is null)
        {
            return QuestionRewrite.Skipped(NoModel);
        }

        var text = new StringBuilder();
        var reply = new StreamedReply();
        await foreach (var update in kernel.InvokeStreamingAsync<ChatResponseUpdate>(prompt.For(language), prompt.Arguments(question, language, maxTokens), cancellationToken).ConfigureAwait(false))
        {
            text.Append(reply.Read(update));
        }

        return Read(text.ToString(), question, reply.Elapsed);
    }

    /// <summary>The model's JSON as queries: the distinct wordings that differ from the question, in the grammar's order.</summary>
    internal static QuestionRewrite Read(string json, string question, TimeSpan elapsed)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return QuestionRewrite.Skipped("the model's rewrite was not a JSON object: the question is searched as asked");
            }

            var queries = new List<RewrittenQuery>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.String && property.Value.GetString()!.Trim() is { Length: > 0 } wording
                    && !string.Equals(wording, question.Trim(), StringComparison.OrdinalIgnoreCase) && !queries.Exists(q => q.Text == wording))
                {
                    queries.Add(new RewrittenQuery(property.Name, wording));
                }
            }

            return new QuestionRewrite(queries, null, elapsed);
        }
        catch (JsonException)
        {
            // The grammar holds a model to JSON, but a reply cut at max_tokens is not closed.
            return QuestionRewrite.Skipped("the model's rewrite was cut before its JSON closed: the question is searched as asked");
        }
    }
}

/// <param name="Kind">«legal» (restated in legal terms) or «russian» (a Kazakh question in Russian).</param>
public sealed record RewrittenQuery(string Kind, string Text);

/// <summary>What the question was also searched as, or why it was not rewritten.</summary>
/// <param name="SkippedBecause">Null when the model rewrote it.</param>
public sealed record QuestionRewrite(IReadOnlyList<RewrittenQuery> Queries, string? SkippedBecause, TimeSpan Elapsed)
{
    public static QuestionRewrite Skipped(string reason) => new([], reason, TimeSpan.Zero);
}
