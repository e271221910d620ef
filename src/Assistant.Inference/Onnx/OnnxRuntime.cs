using System.Runtime.InteropServices;
using Assistant.Inference.Onnx.Native;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Assistant.Inference.Onnx;

/// <summary>
/// Loads ONNX Runtime once per process from <c>native/linux-x64/onnxruntime</c> next to this assembly (or
/// <see cref="OnnxRuntimeOptions.LibraryDirectory"/>), takes its C API table and creates the one environment that
/// every session shares; the environment's log goes to an <see cref="ILogger"/>.
/// </summary>
public static unsafe class OnnxRuntime
{
    /// <summary>The shared library file, as onnxruntime-node ships it.</summary>
    public const string LibraryFileName = "libonnxruntime.so.1";

    /// <summary>ORT_API_VERSION of onnxruntime_c_api.h 1.30, the table layout this binding was written against.</summary>
    public const uint ApiVersion = 30;

    /// <summary>The logger category ONNX Runtime's own log lines are written under.</summary>
    public const string LogCategory = "Assistant.Inference.Onnx.Native";

    private static readonly Lock Gate = new();
    private static OrtApi? api;
    private static SafeOrtEnvHandle? environment;

    /// <summary>The folder the library was loaded from; null before <see cref="Initialize"/>.</summary>
    public static string? LibraryDirectory { get; private set; }

    /// <summary>ONNX Runtime's version string ("1.30.0"); null before <see cref="Initialize"/>.</summary>
    public static string? Version { get; private set; }

    internal static OrtApi Api => api ?? throw new InvalidOperationException("ONNX Runtime is not loaded; call OnnxRuntime.Initialize first.");

    internal static SafeOrtEnvHandle Environment => environment ?? throw new InvalidOperationException("ONNX Runtime is not loaded.");

    /// <summary>
    /// Loads the library and creates the environment. Later calls keep the first library and log level (a process has
    /// one environment) but may name another logger factory; naming a different folder is an error.
    /// </summary>
    /// <returns>The runtime's version string.</returns>
    public static string Initialize(OnnxRuntimeOptions? options = null, ILoggerFactory? loggerFactory = null)
    {
        options ??= new OnnxRuntimeOptions();
        lock (Gate)
        {
            var directory = Path.GetFullPath(options.LibraryDirectory
                ?? Path.Combine(AppContext.BaseDirectory, "native", "linux-x64", "onnxruntime"));
            if (Version is { } loaded)
            {
                if (options.LibraryDirectory is not null && directory != LibraryDirectory)
                {
                    throw new InvalidOperationException(
                        $"ONNX Runtime is already loaded from '{LibraryDirectory}'; '{directory}' cannot be loaded in the same process.");
                }

                if (loggerFactory is not null)
                {
                    OrtLogBridge.Attach(loggerFactory.CreateLogger(LogCategory));
                }

                return loaded;
            }

            var path = Path.Combine(directory, LibraryFileName);
            if (!File.Exists(path))
            {
                throw new OnnxRuntimeException(
                    OnnxErrorCode.NoSuchFile,
                    $"'{path}' is missing; build src/Assistant.Inference so that npm onnxruntime-node (native/package.json) is restored and copied, "
                    + "or set Onnx:Runtime:LibraryDirectory to a folder holding it.");
            }

            var library = NativeLibrary.Load(path);
            var apiBase = ((delegate* unmanaged<nint*>)NativeLibrary.GetExport(library, "OrtGetApiBase"))();
            var version = NativeUtf8.Decode(((delegate* unmanaged<byte*>)apiBase[1])());
            var table = ((delegate* unmanaged<uint, nint>)apiBase[0])(ApiVersion);
            if (table == nint.Zero)
            {
                throw new OnnxRuntimeException(
                    OnnxErrorCode.Fail, $"ONNX Runtime {version} at '{path}' does not offer C API version {ApiVersion}; install onnxruntime-node 1.30.0 or later.");
            }

            OrtLogBridge.Attach((loggerFactory ?? NullLoggerFactory.Instance).CreateLogger(LogCategory));
            var created = new OrtApi(table);
            api = created;
            environment = created.CreateEnv(OrtLogBridge.Callback, OrtLogBridge.SeverityOf(options.LogLevel), "raglegal");
            LibraryDirectory = directory;
            Version = version;
            return version;
        }
    }

    /// <summary>Execution providers compiled into the loaded library (e.g. CPUExecutionProvider).</summary>
    public static IReadOnlyList<string> AvailableProviders() => Api.GetAvailableProviders();

    /// <summary>ONNX Runtime's build description (version, git commit, build type).</summary>
    public static string BuildInfo() => Api.GetBuildInfo();
}
