using LLama.Exceptions;
using LLama.Native;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Assistant.Inference.Llama;

/// <summary>
/// Loads llama.cpp through LLamaSharp once per process: the backend package's library chosen by
/// <see cref="NativeLibraryConfig"/> for this machine, or <see cref="LlamaRuntimeOptions.LibraryPath"/>; routes its log.
/// </summary>
public static class LlamaRuntime
{
    /// <summary>The logger category llama.cpp's own log lines are written under.</summary>
    public const string LogCategory = "Assistant.Inference.Llama.LlamaCpp";

    private static readonly Lock Gate = new();

    /// <summary>What was loaded, e.g. "cpu avx512", "cuda" or the library path given; null before <see cref="Initialize"/>.</summary>
    public static string? Backend { get; private set; }

    /// <summary>Whether the loaded build can offload layers to a GPU.</summary>
    public static bool SupportsGpuOffload { get; private set; }

    /// <summary>
    /// Loads the native library. A process holds one libllama: after the first call, asking for another
    /// library path is an error. llama.cpp's log is process-wide: it goes to the latest <paramref name="loggerFactory"/> given.
    /// </summary>
    /// <exception cref="LlamaException">The library is missing or does not load.</exception>
    public static string Initialize(LlamaRuntimeOptions? options = null, ILoggerFactory? loggerFactory = null)
    {
        options ??= new LlamaRuntimeOptions();
        string? library = null;
        if (options.LibraryPath is { } requested)
        {
            library = Path.GetFullPath(requested);
            if (!File.Exists(library))
            {
                throw new LlamaException(
                    $"The llama.cpp library '{library}' does not exist; build it with scripts/build-llama-cuda.sh or unset Llm:NativeLibraryPath.");
            }
        }

        lock (Gate)
        {
            if (loggerFactory is not null || Backend is null)
            {
                LlamaLog.Attach((loggerFactory ?? NullLoggerFactory.Instance).CreateLogger(LogCategory));
            }

            if (Backend is { } loaded)
            {
                if (library is not null && !string.Equals(loaded, library, StringComparison.Ordinal))
                {
                    throw new InvalidOperationException(
                        $"llama.cpp is already loaded ({loaded}); '{library}' cannot be loaded in the same process.");
                }

                return loaded;
            }

            if (!NativeLibraryConfig.LLama.LibraryHasLoaded)
            {
                NativeLibraryConfig.LLama.WithLibrary(library);
                NativeLibraryConfig.All.WithLogCallback(LlamaLog.Callback);
            }
            else if (library is not null)
            {
                throw new InvalidOperationException($"LLamaSharp has already loaded its native library; '{library}' cannot be loaded in the same process.");
            }
            else
            {
                NativeLogConfig.llama_log_set(LlamaLog.Callback);
            }

            try
            {
                NativeApi.llama_empty_call();
            }
            catch (Exception exception) when (exception is RuntimeError or DllNotFoundException or EntryPointNotFoundException or TypeInitializationException)
            {
                throw new LlamaException(
                    $"llama.cpp could not be loaded{(library is null ? " from the LLamaSharp backend package" : $" from '{library}'")}: "
                    + $"{LlamaLog.TakeLastError() ?? (exception.InnerException ?? exception).Message}",
                    exception);
            }

            SupportsGpuOffload = NativeApi.llama_supports_gpu_offload();
            Backend = library ?? Describe(NativeApi.GetLoadedNativeLibrary(NativeLibraryName.LLama)?.Metadata);
            return Backend;
        }
    }

    private static string Describe(NativeLibraryMetadata? metadata) => metadata switch
    {
        null => "unknown",
        { UseCuda: true } => "cuda",
        { UseVulkan: true } => "vulkan",
        _ => metadata.AvxLevel switch
        {
            AvxLevel.Avx512 => "cpu avx512",
            AvxLevel.Avx2 => "cpu avx2",
            AvxLevel.Avx => "cpu avx",
            _ => "cpu noavx",
        },
    };
}
