using System.Runtime.InteropServices;
using Assistant.Inference.Onnx.Native;

namespace Assistant.Inference.Onnx;

/// <summary>
/// One loaded model. <see cref="Run"/> is thread-safe (ONNX Runtime allows concurrent runs on a session); inputs are
/// passed as tensors over the caller's pinned arrays, the output is allocated by ONNX Runtime and read where it is.
/// </summary>
public sealed unsafe class OnnxSession : IDisposable
{
    /// <summary>The files the CUDA execution provider loads from beside libonnxruntime.so.1.</summary>
    public static readonly IReadOnlyList<string> CudaProviderFiles =
        ["libonnxruntime_providers_shared.so", "libonnxruntime_providers_cuda.so"];

    private readonly SafeOrtSessionHandle session;
    private readonly SafeOrtMemoryInfoHandle memoryInfo;
    private readonly Dictionary<string, byte[]> nativeNames;

    private OnnxSession(string modelPath, SafeOrtSessionHandle session)
    {
        var api = OnnxRuntime.Api;
        ModelPath = modelPath;
        this.session = session;
        memoryInfo = api.CreateCpuMemoryInfo();
        Inputs = Enumerable.Range(0, api.GetInputCount(session))
            .Select(index => Describe(api.GetInputName(session, index), api.GetInputTypeInfo(session, index)))
            .ToArray();
        Outputs = Enumerable.Range(0, api.GetOutputCount(session))
            .Select(index => Describe(api.GetOutputName(session, index), api.GetOutputTypeInfo(session, index)))
            .ToArray();
        nativeNames = Inputs.Concat(Outputs).ToDictionary(info => info.Name, info => NativeUtf8.Encode(info.Name));
    }

    public string ModelPath { get; }

    public IReadOnlyList<OnnxTensorInfo> Inputs { get; }

    public IReadOnlyList<OnnxTensorInfo> Outputs { get; }

    /// <summary>Loads a model file; <see cref="OnnxRuntime.Initialize"/> runs first with default options if it has not.</summary>
    /// <exception cref="OnnxRuntimeException">The model cannot be loaded, or CUDA is asked for and its provider is missing.</exception>
    public static OnnxSession Open(string modelPath, OnnxSessionOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelPath);
        options ??= new OnnxSessionOptions();
        OnnxRuntime.Initialize();
        var api = OnnxRuntime.Api;
        if (!File.Exists(modelPath))
        {
            throw new OnnxRuntimeException(OnnxErrorCode.NoSuchFile, $"The ONNX model '{modelPath}' does not exist.");
        }

        using var sessionOptions = api.CreateSessionOptions();
        api.SetGraphOptimizationLevel(sessionOptions, (int)options.Optimization);
        api.SetIntraOpThreads(sessionOptions, options.IntraOpThreads);
        api.SetInterOpThreads(sessionOptions, options.InterOpThreads);
        if (options.Device == OnnxDevice.Cuda)
        {
            EnsureCudaProvider(OnnxRuntime.LibraryDirectory!);
            api.AppendCudaProvider(
                sessionOptions,
                [new("device_id", options.CudaDeviceId.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        }

        var handle = api.CreateSession(OnnxRuntime.Environment, modelPath, sessionOptions);
        try
        {
            return new OnnxSession(modelPath, handle);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Runs the graph on int64 inputs and hands back one float output where ONNX Runtime wrote it: the caller reads it
    /// before disposing, and nothing is allocated on the managed heap for it.
    /// </summary>
    /// <exception cref="OnnxRuntimeException">ONNX Runtime rejected the inputs or failed while running.</exception>
    public OnnxOutput Run(IReadOnlyList<OnnxInt64Tensor> inputs, string outputName)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var outputNameBytes = NameOf(outputName, Outputs, "output");
        var api = OnnxRuntime.Api;
        var values = new SafeOrtValueHandle[inputs.Count];
        var pins = new GCHandle[(inputs.Count * 3) + 1];
        var pinned = 0;
        var sessionReferenced = false;
        try
        {
            var names = stackalloc byte*[inputs.Count];
            var pointers = stackalloc nint[inputs.Count];
            for (var i = 0; i < inputs.Count; i++)
            {
                var input = inputs[i];
                var expected = ElementCount(input.Shape);
                if (expected > input.Data.Length)
                {
                    throw new ArgumentException(
                        $"Input '{input.Name}' has {input.Data.Length} values but its shape [{string.Join(", ", input.Shape)}] holds {expected}.",
                        nameof(inputs));
                }

                var name = NameOf(input.Name, Inputs, "input");
                pins[pinned++] = Pin(name);
                pins[pinned++] = Pin(input.Data);
                pins[pinned++] = Pin(input.Shape);
                values[i] = api.CreateTensorOverPinned(
                    memoryInfo,
                    (void*)pins[pinned - 2].AddrOfPinnedObject(),
                    expected * sizeof(long),
                    (long*)pins[pinned - 1].AddrOfPinnedObject(),
                    input.Shape.Length,
                    OnnxElementType.Int64);
                names[i] = (byte*)pins[pinned - 3].AddrOfPinnedObject();
                pointers[i] = values[i].DangerousGetHandle();
            }

            pins[pinned++] = Pin(outputNameBytes);
            var outputNamePointer = (byte*)pins[pinned - 1].AddrOfPinnedObject();
            nint output = nint.Zero;
            session.DangerousAddRef(ref sessionReferenced);
            api.Run(session, names, pointers, inputs.Count, &outputNamePointer, &output, 1);
            var result = new SafeOrtValueHandle();
            Marshal.InitHandle(result, output);
            return OnnxOutput.Over(api, result, outputName);
        }
        finally
        {
            if (sessionReferenced)
            {
                session.DangerousRelease();
            }

            foreach (var value in values)
            {
                value?.Dispose();
            }

            for (var i = 0; i < pinned; i++)
            {
                pins[i].Free();
            }
        }
    }

    public void Dispose()
    {
        session.Dispose();
        memoryInfo.Dispose();
    }

    internal static void EnsureCudaProvider(string libraryDirectory)
    {
        foreach (var file in CudaProviderFiles)
        {
            var path = Path.Combine(libraryDirectory, file);
            if (!File.Exists(path))
            {
                throw new OnnxRuntimeException(
                    OnnxErrorCode.NoSuchFile,
                    $"The CUDA execution provider needs '{file}' beside {OnnxRuntime.LibraryFileName}, but '{path}' does not exist; "
                    + "copy the CUDA provider libraries of ONNX Runtime 1.30.0 (libonnxruntime_providers_cuda.so, "
                    + "libonnxruntime_providers_shared.so) into that folder, or select the cpu device.");
            }
        }
    }

    /// <summary>The elements a shape holds; 1 for a scalar.</summary>
    internal static long ElementCount(ReadOnlySpan<long> shape)
    {
        var count = 1L;
        foreach (var dimension in shape)
        {
            count *= dimension;
        }

        return count;
    }

    private static GCHandle Pin(object array) => GCHandle.Alloc(array, GCHandleType.Pinned);

    private byte[] NameOf(string name, IReadOnlyList<OnnxTensorInfo> declared, string kind) =>
        declared.Any(info => info.Name == name) && nativeNames.TryGetValue(name, out var bytes)
            ? bytes
            : throw new ArgumentException(
                $"The model '{ModelPath}' has no {kind} named '{name}'; its {kind}s are {string.Join(", ", declared.Select(info => info.Name))}.");

    private static OnnxTensorInfo Describe(string name, SafeOrtTypeInfoHandle typeInfo)
    {
        using (typeInfo)
        {
            var api = OnnxRuntime.Api;
            const int tensorType = 1;
            if (api.GetOnnxType(typeInfo) != tensorType)
            {
                return new OnnxTensorInfo(name, OnnxElementType.Undefined, []);
            }

            var tensor = api.CastToTensorInfo(typeInfo);
            return new OnnxTensorInfo(name, api.GetElementType(tensor), api.GetDimensions(tensor));
        }
    }
}
