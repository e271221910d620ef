using System.Globalization;
using System.Runtime.CompilerServices;
using Assistant.Inference.Llama.Grammars;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace Assistant.Inference.Llama;

/// <summary>
/// <see cref="IChatClient"/> over a local llama.cpp model: formats the conversation with the model's own chat
/// template and generates through a <see cref="LlamaEngine"/>, so concurrent calls share its batches.
/// </summary>
public sealed class LlamaChatClient : IChatClient
{
    /// <summary>
    /// ChatOptions.AdditionalProperties key for a GBNF grammar (a string) the output must follow; a JSON
    /// ResponseFormat takes precedence.
    /// </summary>
    public const string GrammarKey = "llama.grammar";

    /// <summary>ChatOptions.AdditionalProperties key for min-p sampling (a float).</summary>
    public const string MinPKey = "min_p";

    /// <summary>ChatOptions.AdditionalProperties key for the repetition penalty (a float, 1 = off).</summary>
    public const string RepetitionPenaltyKey = "repeat_penalty";

    private readonly LlamaEngine engine;
    private readonly LlamaChatClientOptions options;
    private readonly IDisposable[] owned;
    private readonly ChatClientMetadata metadata;

    /// <summary>A client over an engine the caller keeps and disposes.</summary>
    public LlamaChatClient(LlamaEngine engine, LlamaChatClientOptions? options = null)
        : this(engine, options, [])
    {
    }

    private LlamaChatClient(LlamaEngine engine, LlamaChatClientOptions? options, IDisposable[] owned)
    {
        ArgumentNullException.ThrowIfNull(engine);
        this.engine = engine;
        this.options = options ?? new LlamaChatClientOptions();
        this.owned = owned;
        metadata = new ChatClientMetadata("llama.cpp", null, this.options.ModelId ?? Path.GetFileNameWithoutExtension(engine.Model.Path));
    }

    /// <summary>Loads a model and creates an engine on it, both owned (and disposed) by the returned client.</summary>
    public static LlamaChatClient Create(
        LlamaModelOptions model,
        LlamaEngineOptions? engine = null,
        LlamaChatClientOptions? options = null,
        ILoggerFactory? loggerFactory = null)
    {
        var loaded = LlamaModel.Load(model, loggerFactory);
        try
        {
            var created = LlamaEngine.Create(loaded, engine, loggerFactory?.CreateLogger<LlamaEngine>());
            return new LlamaChatClient(created, options, [created, loaded]);
        }
        catch
        {
            loaded.Dispose();
            throw;
        }
    }

    public Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken);

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var request = CreateRequest(messages, options);
        var responseId = Guid.NewGuid().ToString("N");
        var modelId = options?.ModelId ?? metadata.DefaultModelId;
        var createdAt = DateTimeOffset.UtcNow;

        await foreach (var update in engine.GenerateAsync(request, cancellationToken).ConfigureAwait(false))
        {
            var chatUpdate = new ChatResponseUpdate(ChatRole.Assistant, update.Text)
            {
                ResponseId = responseId,
                MessageId = responseId,
                ModelId = modelId,
                CreatedAt = createdAt,
            };
            if (update.FinishReason is { } finish)
            {
                chatUpdate.FinishReason = finish == LlamaFinishReason.Length ? ChatFinishReason.Length : ChatFinishReason.Stop;
                chatUpdate.Contents.Add(new UsageContent(new UsageDetails
                {
                    InputTokenCount = update.PromptTokenCount,
                    OutputTokenCount = update.GeneratedTokenCount,
                    TotalTokenCount = update.PromptTokenCount + update.GeneratedTokenCount,
                    CachedInputTokenCount = update.ReusedPromptTokenCount,
                }));
            }

            yield return chatUpdate;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
        {
            return null;
        }

        if (serviceType == typeof(ChatClientMetadata))
        {
            return metadata;
        }

        if (serviceType.IsInstanceOfType(engine))
        {
            return engine;
        }

        return serviceType.IsInstanceOfType(this) ? this : null;
    }

    public void Dispose()
    {
        foreach (var resource in owned)
        {
            resource.Dispose();
        }
    }

    internal LlamaGenerationRequest CreateRequest(IEnumerable<ChatMessage> messages, ChatOptions? chatOptions)
    {
        var turns = new List<LlamaChatTurn>();
        if (!string.IsNullOrEmpty(chatOptions?.Instructions))
        {
            turns.Add(new LlamaChatTurn(ChatRole.System.Value, chatOptions.Instructions));
        }

        foreach (var message in messages)
        {
            turns.Add(new LlamaChatTurn(message.Role.Value, message.Text));
        }

        var sampling = options.Sampling;
        if (chatOptions is not null)
        {
            sampling = sampling with
            {
                Temperature = chatOptions.Temperature ?? sampling.Temperature,
                TopP = chatOptions.TopP ?? sampling.TopP,
                TopK = chatOptions.TopK ?? sampling.TopK,
                Seed = chatOptions.Seed is { } seed ? unchecked((uint)seed) : sampling.Seed,
                FrequencyPenalty = chatOptions.FrequencyPenalty ?? sampling.FrequencyPenalty,
                PresencePenalty = chatOptions.PresencePenalty ?? sampling.PresencePenalty,
                MinP = AdditionalSingle(chatOptions, MinPKey) ?? sampling.MinP,
                RepetitionPenalty = AdditionalSingle(chatOptions, RepetitionPenaltyKey) ?? sampling.RepetitionPenalty,
                Grammar = chatOptions.ResponseFormat is ChatResponseFormatJson json
                    ? json.Schema is { } schema ? JsonSchemaGrammar.FromSchema(schema) : JsonSchemaGrammar.AnyJson
                    : AdditionalString(chatOptions, GrammarKey) ?? sampling.Grammar,
            };
        }

        return new LlamaGenerationRequest
        {
            Prompt = engine.Model.ApplyChatTemplate(turns),
            Sampling = sampling,
            MaxTokens = chatOptions?.MaxOutputTokens ?? options.MaxOutputTokens,
            StopSequences = chatOptions?.StopSequences is { Count: > 0 } stops ? [.. stops] : [],
        };
    }

    private static string? AdditionalString(ChatOptions options, string key) =>
        options.AdditionalProperties?.TryGetValue(key, out var value) == true && value is string { Length: > 0 } text ? text : null;

    private static float? AdditionalSingle(ChatOptions options, string key) =>
        options.AdditionalProperties?.TryGetValue(key, out var value) == true && value is IConvertible number
            ? number.ToSingle(CultureInfo.InvariantCulture)
            : null;
}
