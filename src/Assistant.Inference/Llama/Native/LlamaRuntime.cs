using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Assistant.Inference.Llama.Native;

/// <summary>
/// Loads llama.cpp once per process: picks the CPU or CUDA build under
/// <c>native/linux-x64/{cpu,cuda}</c> next to this assembly (or <see cref="LlamaRuntimeOptions.LibraryDirectory"/>),
/// resolves the "llama"/"ggml" imports to it, loads ggml's compute backends from the same folder and routes logs.
/// </summary>
public static class LlamaRuntime
{
    /// <summary>The logger category llama.cpp's own log lines are written under.</summary>
    public const string LogCategory = "Assistant.Inference.Llama.Native";

    private static readonly Lock Gate = new();
    private static string? libraryDirectory;

    /// <summary>The backend in use once <see cref="Initialize"/> has run; null before.</summary>
    public static LlamaBackend? Backend { get; private set; }

    /// <summary>The folder the native libraries were loaded from; null before <see cref="Initialize"/>.</summary>
    public static string? LibraryDirectory => libraryDirectory;

    /// <summary>
    /// Loads the native libraries. Later calls return the backend already loaded; asking for a different
    /// explicit backend after that is an error, since a process can hold only one build of libllama.
    /// llama.cpp's log is process-wide: it goes to the latest <paramref name="loggerFactory"/> given.
    /// </summary>
    public static LlamaBackend Initialize(LlamaRuntimeOptions? options = null, ILoggerFactory? loggerFactory = null)
    {
        options ??= new LlamaRuntimeOptions();
        lock (Gate)
        {
            if (Backend is { } loaded)
            {
                if (options.Backend != LlamaBackend.Auto && options.Backend != loaded)
                {
                    throw new InvalidOperationException(
                        $"llama.cpp is already loaded with the {loaded} backend; {options.Backend} cannot be loaded in the same process.");
                }

                if (loggerFactory is not null)
                {
                    LlamaLogBridge.Attach(loggerFactory.CreateLogger(LogCategory));
                }

                return loaded;
            }

            var root = options.LibraryDirectory
                ?? Path.Combine(AppContext.BaseDirectory, "native", "linux-x64");
            var backend = options.Backend == LlamaBackend.Auto ? DetectBackend(root) : options.Backend;
            var directory = Path.Combine(root, backend == LlamaBackend.Cuda ? "cuda" : "cpu");
            EnsureLoadable(directory, backend);

            libraryDirectory = directory;
            NativeLibrary.SetDllImportResolver(typeof(LlamaRuntime).Assembly, Resolve);
            LlamaLogBridge.Attach((loggerFactory ?? NullLoggerFactory.Instance).CreateLogger(LogCategory));
            LlamaNative.GgmlBackendLoadAllFromPath(directory);
            LlamaNative.BackendInit();

            if (backend == LlamaBackend.Cuda && LlamaNative.GgmlBackendDeviceByType(LlamaNative.GgmlDeviceTypeGpu) == nint.Zero)
            {
                throw new LlamaException(
                    $"The CUDA build of llama.cpp loaded from '{directory}' found no CUDA device "
                    + $"(libggml-cuda.so failed to load or no GPU is visible): {LlamaLogBridge.TakeLastError() ?? "no details logged"}.");
            }

            Backend = backend;
            return backend;
        }
    }

    private static LlamaBackend DetectBackend(string root)
    {
        var cuda = Path.Combine(root, "cuda");
        var hasCudaBuild = File.Exists(Path.Combine(cuda, "libggml-cuda.so"));
        if (hasCudaBuild && NativeLibrary.TryLoad("libcuda.so.1", out var driver))
        {
            NativeLibrary.Free(driver);
            return LlamaBackend.Cuda;
        }

        return LlamaBackend.Cpu;
    }

    internal static void EnsureLoadable(string directory, LlamaBackend backend)
    {
        var hint = backend == LlamaBackend.Cuda
            ? "build with -p:LlamaCuda=true so that @node-llama-cpp/linux-x64-cuda is restored and copied"
            : "build the project so that native/package.json is restored (npm ci) and copied";
        if (!Directory.Exists(directory))
        {
            throw new LlamaException($"The llama.cpp {backend} libraries folder '{directory}' does not exist; {hint}.");
        }

        foreach (var pattern in new[] { "libllama*.so", "libggml.*so", "libggml-base.so" })
        {
            if (FindLibrary(directory, pattern) is null)
            {
                throw new LlamaException($"'{Path.Combine(directory, pattern)}' is missing; {hint}.");
            }
        }

        if (backend != LlamaBackend.Cuda)
        {
            return;
        }

        if (!File.Exists(Path.Combine(directory, "libggml-cuda.so")))
        {
            throw new LlamaException($"'{Path.Combine(directory, "libggml-cuda.so")}' is missing; {hint}.");
        }

        foreach (var runtime in new[] { "libcuda.so.1", "libcudart.so.13", "libcublas.so.13" })
        {
            if (!NativeLibrary.TryLoad(runtime, out var handle))
            {
                throw new LlamaException(
                    $"The CUDA backend needs '{runtime}', which could not be loaded (install the NVIDIA driver and the CUDA 13 runtime, "
                    + "or put their folder on LD_LIBRARY_PATH), or select the CPU backend.");
            }

            NativeLibrary.Free(handle);
        }
    }

    private static string? FindLibrary(string directory, string pattern) =>
        Directory.EnumerateFiles(directory, pattern)
            .Where(path => !Path.GetFileName(path).StartsWith("libllama-common", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .FirstOrDefault();

    private static nint Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        var directory = libraryDirectory;
        var pattern = name switch
        {
            LlamaNative.LlamaLibrary => "libllama*.so",
            LlamaNative.GgmlLibrary => "libggml.*so",
            _ => null,
        };
        if (directory is null || pattern is null || FindLibrary(directory, pattern) is not { } path)
        {
            return nint.Zero;
        }

        return NativeLibrary.Load(path);
    }
}
