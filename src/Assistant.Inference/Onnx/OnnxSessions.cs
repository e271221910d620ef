using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;

namespace Assistant.Inference.Onnx;

/// <summary>
/// Opens ONNX Runtime sessions for a device. The CPU package (the default build) has no CUDA execution provider, and
/// the CUDA package (-p:OnnxGpu=true) cannot load it where CUDA is missing: either way asking for CUDA fails here with
/// one <see cref="ExecutionProviderUnavailableException"/> that says what is missing.
/// </summary>
public static class OnnxSessions
{
    public const string CpuProvider = "CPUExecutionProvider";

    public const string CudaProvider = "CUDAExecutionProvider";

    /// <summary>
    /// What the CUDA provider of Microsoft.ML.OnnxRuntime.Gpu.Linux 1.32.0 loads besides the C runtime: the driver, the
    /// CUDA 13 libraries it is linked against and cuDNN 9, which it opens when a session starts.
    /// </summary>
    public static readonly IReadOnlyList<string> CudaLibraries =
        ["libcuda.so.1", "libcudart.so.13", "libcublas.so.13", "libcublasLt.so.13", "libcurand.so.10", "libcudnn.so.9"];

    /// <summary>The execution provider a session opened for <paramref name="device"/> runs on.</summary>
    public static string ProviderOf(OnnxDevice device) => device == OnnxDevice.Cuda ? CudaProvider : CpuProvider;

    /// <summary>Loads a model file.</summary>
    /// <exception cref="FileNotFoundException">The model file does not exist.</exception>
    /// <exception cref="ExecutionProviderUnavailableException">CUDA is asked for and cannot be loaded.</exception>
    /// <exception cref="OnnxRuntimeException">ONNX Runtime cannot load the model.</exception>
    public static InferenceSession Open(string modelPath, OnnxSessionOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelPath);
        options ??= new OnnxSessionOptions();
        if (!File.Exists(modelPath))
        {
            throw new FileNotFoundException($"The ONNX model '{modelPath}' does not exist.", modelPath);
        }

        using var sessionOptions = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            IntraOpNumThreads = options.IntraOpThreads,
            InterOpNumThreads = options.InterOpThreads,
        };
        if (options.Device != OnnxDevice.Cuda)
        {
            return new InferenceSession(modelPath, sessionOptions);
        }

        try
        {
            sessionOptions.AppendExecutionProvider_CUDA(options.CudaDeviceId);
            return new InferenceSession(modelPath, sessionOptions);
        }
        catch (EntryPointNotFoundException error)
        {
            throw new ExecutionProviderUnavailableException(CudaUnavailable(null, []), error);
        }
        catch (OnnxRuntimeException error) when (error.Message.Contains("CUDA", StringComparison.OrdinalIgnoreCase)
            || error.Message.Contains("shared library", StringComparison.OrdinalIgnoreCase))
        {
            // ONNX Runtime logs which library it could not load but throws only "Failed to load shared library".
            throw new ExecutionProviderUnavailableException(CudaUnavailable(error.Message, MissingCudaLibraries()), error);
        }
    }

    /// <summary>
    /// Why CUDA cannot be used: without <paramref name="runtimeMessage"/>, this build carries the CPU package; with it,
    /// ONNX Runtime's CUDA provider failed to load, and the <paramref name="missing"/> libraries are named first.
    /// </summary>
    internal static string CudaUnavailable(string? runtimeMessage, IReadOnlyList<string> missing)
    {
        const string asked = "Embeddings:Device=Cuda asks for ONNX Runtime's CUDA execution provider, but ";
        if (runtimeMessage is null)
        {
            return asked + "this build carries the CPU package Microsoft.ML.OnnxRuntime, which has none: build with "
                + "-p:OnnxGpu=true (Microsoft.ML.OnnxRuntime.Gpu.Linux) or set Embeddings:Device=Cpu.";
        }

        return asked + (missing.Count > 0
                ? $"{string.Join(", ", missing)} cannot be loaded: install the NVIDIA driver, CUDA 13 and cuDNN 9 and put their libraries on the library path (LD_LIBRARY_PATH)"
                : "it failed to load")
            + $", or set Embeddings:Device=Cpu. ONNX Runtime said: {runtimeMessage}";
    }

    /// <summary>The <see cref="CudaLibraries"/> this process cannot load.</summary>
    internal static IReadOnlyList<string> MissingCudaLibraries() =>
        [.. CudaLibraries.Where(name =>
        {
            if (!NativeLibrary.TryLoad(name, out var handle))
            {
                return true;
            }

            NativeLibrary.Free(handle);
            return false;
        })];
}
