using System.Text;
using LLama.Native;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Assistant.Inference.Llama;

/// <summary>
/// Routes llama.cpp/ggml log output, which LLamaSharp hands over in fragments (progress dots, continuation
/// lines), to an <see cref="ILogger"/> one line at a time, and keeps the last error of each thread to explain
/// a failed call (llama.cpp logs on the calling thread).
/// </summary>
internal static class LlamaLog
{
    private static ILogger logger = NullLogger.Instance;

    [ThreadStatic]
    private static StringBuilder? pending;

    [ThreadStatic]
    private static LLamaLogLevel pendingLevel;

    [ThreadStatic]
    private static string? lastError;

    /// <summary>The callback given to LLamaSharp; a field, so that the delegate outlives every native call.</summary>
    public static readonly NativeLogConfig.LLamaLogCallback Callback = OnLog;

    public static void Attach(ILogger target) => logger = target;

    /// <summary>Takes the last error llama.cpp logged on this thread.</summary>
    public static string? TakeLastError()
    {
        var error = lastError;
        lastError = null;
        return error;
    }

    private static void OnLog(LLamaLogLevel level, string message)
    {
        try
        {
            var buffer = pending ??= new StringBuilder();
            if (level != LLamaLogLevel.Continue)
            {
                if (buffer.Length > 0)
                {
                    Flush(buffer);
                }

                pendingLevel = level;
            }

            buffer.Append(message);
            if (message.EndsWith('\n'))
            {
                Flush(buffer);
            }
        }
#pragma warning disable CA1031 // An exception must never unwind into native code.
        catch (Exception)
#pragma warning restore CA1031
        {
            pending = null;
        }
    }

    private static void Flush(StringBuilder buffer)
    {
        var message = buffer.ToString().TrimEnd();
        buffer.Clear();
        if (message.Length == 0)
        {
            return;
        }

        var level = pendingLevel switch
        {
            LLamaLogLevel.Error => LogLevel.Error,
            LLamaLogLevel.Warning => LogLevel.Warning,
            LLamaLogLevel.Info => LogLevel.Debug,
            _ => LogLevel.Trace,
        };
        if (pendingLevel == LLamaLogLevel.Error)
        {
            lastError = message;
        }

        if (logger.IsEnabled(level))
        {
#pragma warning disable CA1848, CA2254 // Native messages are free text, not templates.
            logger.Log(level, "llama.cpp: {Message}", message);
#pragma warning restore CA1848, CA2254
        }
    }
}
