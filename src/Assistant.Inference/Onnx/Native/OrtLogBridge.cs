using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Assistant.Inference.Onnx.Native;

/// <summary>Routes ONNX Runtime's log lines (the environment's custom logger) to an <see cref="ILogger"/>.</summary>
internal static unsafe partial class OrtLogBridge
{
    private const int Verbose = 0;
    private const int Info = 1;
    private const int Warning = 2;
    private const int Error = 3;

    private static ILogger logger = NullLogger.Instance;

    public static delegate* unmanaged<nint, int, byte*, byte*, byte*, byte*, void> Callback => &OnLog;

    public static void Attach(ILogger target) => logger = target;

    /// <summary>ORT's severities, from <see cref="LogLevel"/>: the minimum level the environment reports.</summary>
    public static int SeverityOf(LogLevel level) => level switch
    {
        LogLevel.Trace or LogLevel.Debug => Verbose,
        LogLevel.Information => Info,
        LogLevel.Warning => Warning,
        LogLevel.Error => Error,
        _ => Error + 1,
    };

    [UnmanagedCallersOnly]
    private static void OnLog(nint parameter, int severity, byte* category, byte* logId, byte* codeLocation, byte* message)
    {
        try
        {
            var level = severity switch
            {
                Verbose => LogLevel.Trace,
                Info => LogLevel.Debug,
                Warning => LogLevel.Warning,
                Error => LogLevel.Error,
                _ => LogLevel.Critical,
            };
            if (logger.IsEnabled(level))
            {
                Log(logger, level, NativeUtf8.Decode(category), NativeUtf8.Decode(message));
            }
        }
#pragma warning disable CA1031 // An exception must never unwind into native code.
        catch (Exception)
#pragma warning restore CA1031
        {
            // Logging is best effort; losing a line beats crashing the process.
        }
    }

    [LoggerMessage(Message = "onnxruntime [{Category}]: {Text}")]
    private static partial void Log(ILogger logger, LogLevel level, string category, string text);
}
