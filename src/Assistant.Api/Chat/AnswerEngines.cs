using Assistant.Inference.Llama;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace Assistant.Api.Chat;

/// <summary>
/// The chat model the API answers with, loaded once at start-up when one is configured. A model that fails to load
/// leaves the API serving extractive answers, with the reason in /health/ready.
/// </summary>
internal sealed partial class AnswerEngines : IDisposable
{
    private readonly LlamaChatClient? _client;
    private readonly LlamaModel? _model;

    public AnswerEngines(IOptions<ModelOptions> options, ILoggerFactory loggers)
    {
        var model = options.Value;
        var logger = loggers.CreateLogger<AnswerEngines>();
        if (string.IsNullOrWhiteSpace(model.ModelPath))
        {
            ModelState = "not configured";
            ModelDetail = "no Llm:ModelPath: answers are extracts of the norms found";
            return;
        }

        try
        {
            LlamaRuntime.Initialize(new LlamaRuntimeOptions { LibraryPath = NullIfEmpty(model.NativeLibraryPath) }, loggers);
            _model = LlamaModel.Load(new LlamaModelOptions { Path = model.ModelPath, GpuLayers = model.GpuLayers }, loggers);
            Engine = LlamaEngine.Create(
                _model,
                new LlamaEngineOptions
                {
                    ContextSize = model.ContextSize,
                    MaxSequences = model.Parallel,
                    // Chat turns reach the engine through the ModelQueue, at most one per slot; the rest of its queue is
                    // for work that does not pass through that queue (forecast narratives, topic names).
                    QueueCapacity = model.Parallel + model.QueueLength,
                    Threads = model.Threads,
                    BatchSize = Math.Max(512, model.Parallel),
                },
                loggers.CreateLogger<LlamaEngine>());
            _client = new LlamaChatClient(Engine, new LlamaChatClientOptions { MaxOutputTokens = model.MaxAnswerTokens });
            ModelState = "loaded";
            ModelDetail = Path.GetFileName(model.ModelPath);
            Loaded(logger, model.ModelPath);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or LlamaException or UnauthorizedAccessException or InvalidOperationException)
        {
            Engine?.Dispose();
            Engine = null;
            _model?.Dispose();
            _model = null;
            ModelState = "failed";
            ModelDetail = e.Message;
            LoadFailed(logger, e, model.ModelPath);
        }
    }

    /// <summary>The chat client, or null when answers are extractive.</summary>
    public IChatClient? Chat => _client;

    /// <summary>The engine behind <see cref="Chat"/>, for its figures.</summary>
    public LlamaEngine? Engine { get; }

    /// <summary>"loaded", "not configured" or "failed".</summary>
    public string ModelState { get; }

    public string ModelDetail { get; }

    public void Dispose()
    {
        _client?.Dispose();
        Engine?.Dispose();
        _model?.Dispose();
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded chat model {Path}")]
    private static partial void Loaded(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "The chat model {Path} failed to load; answering extractively")]
    private static partial void LoadFailed(ILogger logger, Exception exception, string path);
}
