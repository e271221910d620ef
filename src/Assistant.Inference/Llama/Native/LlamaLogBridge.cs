using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Assistant.Inference.Llama.Native;

/// <summary>
/// Routes llama.cpp/ggml log output to an <see cref="ILogger"/>. llama.cpp logs in fragments (progress dots,
/// GGML_LOG_LEVEL_CONT continuations), so fragments are joined per thread until a newline.
/// </summary>
internal static unsafe class LlamaLogBridge
{
    private const int LevelDebug = 1;
    private const int LevelInfo = 2;
    private const int LevelWarn = 3;
    private const int LevelError = 4;
    private const int LevelContinue = 5;

    private static ILogger logger = NullLogger.Instance;

    [ThreadStatic]
    private static StringBuilder? pending;

    [ThreadStatic]
    private static int pendingLevel;

    [ThreadStatic]
    private static string? lastError;

    public static void Attach(ILogger target)
    {
        logger = target;
        LlamaNative.LogSet(&OnLog, nint.Zero);
    }

    /// <summary>Takes the last error llama.cpp logged on this thread, to explain a failed native call.</summary>
    public static string? TakeLastError()
    {
        var error = lastError;
        lastError = null;
        return error;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnLog(int level, byte* text, nint userData)
    {
        try
        {
            var fragment = text is null ? string.Empty : Marshal.PtrToStringUTF8((nint)text) ?? string.Empty;
            var buffer = pending ??= new StringBuilder();
            if (level != LevelContinue)
            {
                if (buffer.Length > 0)
                {
                    Flush(buffer);
                }

                pendingLevel = level;
            }

            buffer.Append(fragment);
            if (fragment.EndsWith('\n'))
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
            LevelError => LogLevel.Error,
            LevelWarn => LogLevel.Warning,
            LevelInfo => LogLevel.Debug,
            LevelDebug => LogLevel.Trace,
            _ => LogLevel.Debug,
        };
        if (pendingLevel == LevelError)
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
