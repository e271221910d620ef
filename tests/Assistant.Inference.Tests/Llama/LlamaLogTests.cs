using System.Collections.Concurrent;
using Assistant.Inference.Llama;
using Assistant.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Assistant.Inference.Tests.Llama;

public class LlamaLogTests
{
    [SharedFact]
    public void Llama_cpp_log_lines_reach_the_logger()
    {
        var sink = new ListLoggerFactory();
        try
        {
            using var model = LlamaModel.Load(new LlamaModelOptions { Path = SharedData.Path("models", "stories260K.gguf") }, sink);

            Assert.Contains(sink.Entries, entry => entry.Category == LlamaRuntime.LogCategory && entry.Message.Contains("llama.cpp: ", StringComparison.Ordinal));
            Assert.DoesNotContain(sink.Entries, entry => entry.Message.EndsWith('\n'));
        }
        finally
        {
            LlamaRuntime.Initialize(loggerFactory: new ListLoggerFactory());
        }
    }

    private sealed class ListLoggerFactory : ILoggerFactory
    {
        public ConcurrentQueue<(string Category, LogLevel Level, string Message)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new ListLogger(this, categoryName);

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public void Dispose()
        {
        }

        private sealed class ListLogger(ListLoggerFactory owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Entries.Enqueue((category, logLevel, formatter(state, exception)));
        }
    }
}
