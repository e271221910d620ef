using System.Text.Json;
using Assistant.Api.Chat;
using Assistant.Core.Answers;

namespace Assistant.Api.OpenAi;

/// <summary>The body of POST /v1/chat/completions, as OpenAI defines it, with RagLegal's own options under <c>raglegal</c>.</summary>
internal sealed record CompletionRequest(
    string? Model,
    IReadOnlyList<CompletionMessage>? Messages,
    bool? Stream,
    StreamOptions? StreamOptions,
    float? Temperature,
    int? MaxTokens,
    int? MaxCompletionTokens,
    ResponseFormat? ResponseFormat,
    string? User,
    int? N,
    RagLegalOptions? Raglegal);

/// <param name="Content">A string, or an array of parts of which only text parts are read.</param>
internal sealed record CompletionMessage(string? Role, JsonElement Content, string? Name);

internal sealed record StreamOptions(bool? IncludeUsage);

/// <param name="Type">text, json_object or json_schema.</param>
internal sealed record ResponseFormat(string? Type, JsonSchemaFormat? JsonSchema);

internal sealed record JsonSchemaFormat(string? Name, string? Description, JsonElement? Schema, bool? Strict);

/// <summary>What /v1/chat takes beyond OpenAI's fields: the answer's language, the date the law is taken as of, an act to search, a conversation to continue.</summary>
internal sealed record RagLegalOptions(string? Lang, string? AsOf, string? Act, string? ConversationId);

internal sealed record ModelList(IReadOnlyList<ModelCard> Data, string Object = "list");

/// <param name="Description">RagLegal's addition: what answering through this model means.</param>
internal sealed record ModelCard(string Id, long Created, string OwnedBy, string Description, string Object = "model");

internal sealed record ChatCompletion(string Id, long Created, string Model, IReadOnlyList<CompletionChoice> Choices, CompletionUsage Usage, string Object = "chat.completion");

internal sealed record CompletionChoice(int Index, AssistantMessage Message, string FinishReason);

/// <param name="Raglegal">The grounding of the answer: sources, verified citations, mode; clients that do not know it ignore it.</param>
internal sealed record AssistantMessage(string Content, Grounding? Raglegal, string Role = "assistant");

internal sealed record ChatCompletionChunk(string Id, long Created, string Model, IReadOnlyList<ChunkChoice> Choices, CompletionUsage? Usage = null, string Object = "chat.completion.chunk");

internal sealed record ChunkChoice(int Index, ChunkDelta Delta, string? FinishReason = null);

internal sealed record ChunkDelta(string? Role = null, string? Content = null, Grounding? Raglegal = null);

internal sealed record CompletionUsage(long PromptTokens, long CompletionTokens)
{
    public long TotalTokens => PromptTokens + CompletionTokens;
}

/// <summary>
/// The extension field <c>raglegal</c> on the assistant message (and on the final chunk's delta when streaming): how
/// the answer was made, what it could cite and what it cites, each citation verified against the sources.
/// </summary>
/// <param name="Mode">generated (written by AI from the sources), extract (sentences of the norms, no AI), abstention (no basis in the index) or model (the raw LLM, not grounded).</param>
/// <param name="AiGenerated">Whether an AI model wrote the text: readers must be told.</param>
/// <param name="Answer">The verified answer; when streaming, it replaces the streamed text if <paramref name="ReplacesStreamedText"/>.</param>
internal sealed record Grounding(
    string Mode,
    bool AiGenerated,
    string? ConversationId,
    string? Lang,
    string? Retrieval,
    IReadOnlyList<SourceView> Sources,
    IReadOnlyList<CitationView> Citations,
    IReadOnlyList<string> RemovedCitations,
    IReadOnlyList<CitationView> Closest,
    string? AbstentionReason,
    string Answer,
    bool ReplacesStreamedText)
{
    public static Grounding Of(string conversationId, SourcesEvent? sources, CitationsEvent answer, bool replacesStreamedText) => new(
        ModeName(answer.Mode),
        answer.Mode == AnswerMode.Generated,
        conversationId,
        answer.Lang,
        sources?.Retrieval,
        sources?.Sources ?? [],
        answer.Citations,
        answer.RemovedCitations,
        answer.Closest,
        answer.AbstentionReason,
        answer.Answer,
        replacesStreamedText);

    /// <summary>The raw model's answer: AI-written and resting on nothing the catalog holds.</summary>
    public static Grounding Ungrounded(string? conversationId, string answer) =>
        new("model", true, conversationId, null, null, [], [], [], [], null, answer, false);

    private static string ModeName(AnswerMode mode) => mode switch
    {
        AnswerMode.Generated => "generated",
        AnswerMode.Extract => "extract",
        _ => "abstention",
    };
}

/// <summary>The body of POST /v1/embeddings.</summary>
/// <param name="Input">A string or an array of strings.</param>
/// <param name="EncodingFormat">float (default) or base64: little-endian float32.</param>
/// <param name="InputType">RagLegal's addition: passage (default) or query, the model's two prefixes.</param>
internal sealed record EmbeddingRequest(JsonElement Input, string? Model, string? EncodingFormat, int? Dimensions, string? User, string? InputType);

internal sealed record EmbeddingList(IReadOnlyList<EmbeddingItem> Data, string Model, EmbeddingUsage Usage, string Object = "list");

/// <param name="Embedding">float[] or a base64 string.</param>
internal sealed record EmbeddingItem(int Index, object Embedding, string Object = "embedding");

internal sealed record EmbeddingUsage(long PromptTokens)
{
    public long TotalTokens => PromptTokens;
}
