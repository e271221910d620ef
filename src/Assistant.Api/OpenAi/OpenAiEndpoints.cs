using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Security.Claims;
using System.Text.Json;
using Assistant.Api.Chat;
using Assistant.Api.Endpoints;
using Assistant.Api.Hosting;
using Assistant.Api.Retrieval;
using Assistant.Api.Security;
using Assistant.Core.Conversations;
using Assistant.Core.Vectors;
using Microsoft.Extensions.Options;

namespace Assistant.Api.OpenAi;

/// <summary>
/// The OpenAI-compatible face: /v1/models, /v1/chat/completions and /v1/embeddings, so that OpenAI's SDKs and chat
/// front-ends talk to the assistant. The same tokens (sent as the API key), roles, rate limits, audit and
/// conversations as /v1/chat; every failure in OpenAI's error shape.
/// </summary>
internal static partial class OpenAiEndpoints
{
    /// <summary>The grounded legal assistant: answers from the catalog with verified citations, as /v1/chat does.</summary>
    public const string GroundedModel = "raglegal";

    private static readonly long Started = new DateTimeOffset(Process.GetCurrentProcess().StartTime.ToUniversalTime()).ToUnixTimeSeconds();

    public static void MapOpenAiEndpoints(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup("/v1").WithTags("openai").WithMetadata(OpenAiErrorShape.Instance).RequireChatAccess().RequireRateLimiting(PublicRateLimitPolicy.Name);
        v1.MapGet("/models", ListModels).WithName("listModels");
        v1.MapPost("/chat/completions", CompleteAsync).WithName("createChatCompletion").RequireRateLimiting(ChatRateLimitPolicy.Name);
        v1.MapPost("/embeddings", EmbedAsync).WithName("createEmbedding");
    }

    private static ModelList ListModels(AnswerEngines engines, DenseRetrieval dense)
    {
        var models = new List<ModelCard>
        {
            new(GroundedModel, Started, "raglegal", "The legal assistant: answers from the acts in the catalog, citing norms by [n]; sources and verified citations in message.raglegal."),
        };
        if (ModelCompletions.Id(engines) is { } raw)
        {
            models.Add(new ModelCard(raw, Started, "raglegal", "The chat model itself, not grounded in the catalog: its answers cite nothing and are labelled as AI-written."));
        }

        if (dense.Model is { } embedding)
        {
            models.Add(new ModelCard(embedding, Started, "raglegal", "The embedding model the vector index is built with, for /v1/embeddings."));
        }

        return new ModelList(models);
    }

    private static async Task<IResult> CompleteAsync(
        HttpRequest http,
        ChatTurns turns,
        ModelQueue queue,
        AnswerEngines engines,
        IConversationStore conversations,
        IOptions<ApiOptions> options,
        IOptions<ModelOptions> modelOptions,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var (request, bad) = await ReadAsync<CompletionRequest>(http, cancellationToken);
        if (bad is not null)
        {
            return bad;
        }

        if (Check(request!) is { } invalid)
        {
            return OpenAiErrors.From(invalid);
        }

        var user = http.HttpContext.User.Identity?.Name ?? "unnamed";
        var role = http.HttpContext.User.FindFirstValue(ClaimTypes.Role) ?? "public";
        if (!string.IsNullOrWhiteSpace(request!.User))
        {
            ClientUser(loggers.CreateLogger(typeof(OpenAiEndpoints)), user, request.User);
        }

        if (request.Model == GroundedModel)
        {
            return await GroundedCompletions.CompleteAsync(request, user, role, turns, queue, http.HttpContext, conversations, options.Value, cancellationToken);
        }

        var raw = ModelCompletions.Id(engines);
        if (raw is not null && request.Model == raw)
        {
            return await ModelCompletions.CompleteAsync(request, user, role, engines.Chat!, raw, modelOptions.Value, turns, queue, http.HttpContext, conversations, options.Value, cancellationToken);
        }

        var known = raw is not null ? $"'{GroundedModel}' or '{raw}'" : $"'{GroundedModel}' (no chat model is configured)";
        return OpenAiErrors.Result(StatusCodes.Status404NotFound, $"The model '{request.Model}' does not exist: use {known}; GET /v1/models lists them.", "model", "model_not_found");
    }

    /// <summary>What OpenAI's protocol allows but this server cannot honour, and values out of range.</summary>
    private static RequestError? Check(CompletionRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Model))
        {
            return RequestError.BadRequest("model is missing: use 'raglegal' (GET /v1/models lists the models).", "model");
        }

        if (request.Messages is not { Count: > 0 })
        {
            return RequestError.BadRequest("messages is empty: give at least the question as a message with role \"user\".", "messages");
        }

        if (request.N is > 1)
        {
            return RequestError.BadRequest($"n is {request.N}: one answer per request is given.", "n");
        }

        if (request.Temperature is < 0 or > 2)
        {
            return RequestError.BadRequest($"temperature is {request.Temperature}: it must lie between 0 and 2.", "temperature");
        }

        if ((request.MaxCompletionTokens ?? request.MaxTokens) is < 1)
        {
            return RequestError.BadRequest("max_tokens must be at least 1.", request.MaxCompletionTokens is null ? "max_tokens" : "max_completion_tokens");
        }

        for (var i = 0; i < request.Messages.Count; i++)
        {
            if (MessageText(request.Messages[i].Content) is null)
            {
                return RequestError.BadRequest($"messages[{i}].content must be a string or an array of text parts.", $"messages[{i}].content");
            }

            if (request.Messages[i].Role is not ("system" or "developer" or "user" or "assistant"))
            {
                return RequestError.BadRequest($"messages[{i}].role is '{request.Messages[i].Role}': use system, developer, user or assistant (tools are not offered).", $"messages[{i}].role");
            }
        }

        return null;
    }

    /// <summary>The text of a message: a string, or the text parts of an array joined; null for anything else.</summary>
    internal static string? MessageText(JsonElement content)
    {
        switch (content.ValueKind)
        {
            case JsonValueKind.String:
                return content.GetString();
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return string.Empty;
            case JsonValueKind.Array:
                var parts = new List<string>();
                foreach (var part in content.EnumerateArray())
                {
                    if (part.ValueKind != JsonValueKind.Object || !part.TryGetProperty("type", out var type) || type.GetString() != "text"
                        || !part.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String)
                    {
                        return null;
                    }

                    parts.Add(text.GetString()!);
                }

                return string.Join("\n", parts);
            default:
                return null;
        }
    }

    /// <summary>The messages as /v1/chat takes them, in their places, so that a refusal names the message by its index.</summary>
    internal static ChatRequest AsChatRequest(CompletionRequest request) => new(
        request.Raglegal?.ConversationId,
        [.. request.Messages!.Select(m => new ChatRequestMessage(m.Role, MessageText(m.Content)))],
        request.Raglegal?.Lang,
        string.IsNullOrWhiteSpace(request.Raglegal?.Act) ? null : new ChatFilters(request.Raglegal.Act, null),
        request.Stream,
        request.Raglegal?.AsOf);

    private static async Task<IResult> EmbedAsync(HttpRequest http, DenseRetrieval dense, CancellationToken cancellationToken)
    {
        var (request, bad) = await ReadAsync<EmbeddingRequest>(http, cancellationToken);
        if (bad is not null)
        {
            return bad;
        }

        if (dense.Embedder is not { } embedder)
        {
            return OpenAiErrors.Result(StatusCodes.Status404NotFound, "No embedding model is open on this server (Embeddings:Model); /health/ready says why.", "model", "model_not_found");
        }

        var model = embedder.Folder.Manifest.Name;
        if (request!.Model != model)
        {
            return OpenAiErrors.Result(StatusCodes.Status404NotFound, $"The embedding model '{request.Model}' does not exist: use '{model}'.", "model", "model_not_found");
        }

        var (texts, badInput) = Inputs(request.Input);
        if (badInput is not null)
        {
            return OpenAiErrors.BadRequest(badInput, "input");
        }

        var dimensions = embedder.Folder.Manifest.Dimensions;
        if (request.Dimensions is { } asked && asked != dimensions)
        {
            return OpenAiErrors.BadRequest($"dimensions is {asked}: '{model}' gives {dimensions}-dimensional vectors only.", "dimensions");
        }

        if (request.EncodingFormat is not (null or "float" or "base64"))
        {
            return OpenAiErrors.BadRequest($"encoding_format is '{request.EncodingFormat}': use float or base64.", "encoding_format");
        }

        if (!TryPurpose(request.InputType, out var purpose))
        {
            return OpenAiErrors.BadRequest($"input_type is '{request.InputType}': use passage or query.", "input_type");
        }

        var vectors = await embedder.GenerateAsync(texts!, purpose.Options(), cancellationToken);
        var tokens = texts!.Sum(text => (long)embedder.Tokenize(text, purpose).Count);
        var base64 = request.EncodingFormat == "base64";
        var items = vectors.Select((vector, i) => new EmbeddingItem(i, base64 ? Base64(vector.Vector) : vector.Vector.ToArray())).ToList();
        return Results.Json(new EmbeddingList(items, model, new EmbeddingUsage(tokens)), OpenAiJson.Options);
    }

    private const int MaxInputs = 256;

    private static (List<string>? Texts, string? Error) Inputs(JsonElement input)
    {
        var texts = new List<string>();
        if (input.ValueKind == JsonValueKind.String)
        {
            texts.Add(input.GetString()!);
        }
        else if (input.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in input.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String)
                {
                    return (null, "input must be a string or an array of strings; token arrays are not accepted: send the text.");
                }

                texts.Add(item.GetString()!);
            }
        }
        else
        {
            return (null, "input is missing: give a string or an array of strings.");
        }

        if (texts.Count is 0 or > MaxInputs)
        {
            return (null, $"input holds {texts.Count} texts: give 1 to {MaxInputs}.");
        }

        var empty = texts.FindIndex(string.IsNullOrWhiteSpace);
        return empty >= 0 ? (null, $"input[{empty}] is empty.") : (texts, null);
    }

    private static bool TryPurpose(string? name, out EmbeddingPurpose purpose)
    {
        purpose = EmbeddingPurpose.Passage;
        return name is null || (Enum.TryParse(name, ignoreCase: true, out purpose) && !int.TryParse(name, out _));
    }

    /// <summary>OpenAI's base64 encoding: the float32 values' little-endian bytes.</summary>
    private static string Base64(ReadOnlyMemory<float> vector) => Convert.ToBase64String(MemoryMarshal.AsBytes(vector.Span));

    /// <summary>Reads the body as JSON; a body that is not gets OpenAI's invalid_request_error saying where it broke.</summary>
    private static async Task<(T? Request, IResult? Error)> ReadAsync<T>(HttpRequest http, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            var request = await JsonSerializer.DeserializeAsync<T>(http.Body, OpenAiJson.Options, cancellationToken);
            return request is null ? (null, OpenAiErrors.BadRequest("The body is empty: send a JSON object.", code: "invalid_json")) : (request, null);
        }
        catch (JsonException e)
        {
            return (null, OpenAiErrors.BadRequest(BindingFailure.FromJson(StatusCodes.Status400BadRequest, e).Detail.ToString(), e.Path, "invalid_json"));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Completion for {User} names the client's end user {ClientUser}")]
    private static partial void ClientUser(ILogger logger, string user, string clientUser);
}
