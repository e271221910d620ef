using System.Runtime.InteropServices;

namespace Assistant.Inference.Onnx.Native;

/// <summary>
/// The OrtApi function table returned by <c>OrtApiBase::GetApi(ORT_API_VERSION)</c>. Entries are addressed by their
/// position in <c>struct OrtApi</c> of onnxruntime_c_api.h; the struct only ever grows at its end, so the positions
/// below hold for every version from the one that introduced them up to 1.30 (ORT_API_VERSION 30).
/// </summary>
internal sealed unsafe class OrtApi
{
    private const int CreateStatusEntry = 0;
    private const int GetErrorCodeEntry = 1;
    private const int GetErrorMessageEntry = 2;
    private const int CreateEnvWithCustomLoggerEntry = 4;
    private const int CreateSessionEntry = 7;
    private const int RunEntry = 9;
    private const int CreateSessionOptionsEntry = 10;
    private const int SetSessionGraphOptimizationLevelEntry = 23;
    private const int SetIntraOpNumThreadsEntry = 24;
    private const int SetInterOpNumThreadsEntry = 25;
    private const int SessionGetInputCountEntry = 30;
    private const int SessionGetOutputCountEntry = 31;
    private const int SessionGetInputTypeInfoEntry = 33;
    private const int SessionGetOutputTypeInfoEntry = 34;
    private const int SessionGetInputNameEntry = 36;
    private const int SessionGetOutputNameEntry = 37;
    private const int CreateTensorWithDataAsOrtValueEntry = 49;
    private const int GetTensorMutableDataEntry = 51;
    private const int CastTypeInfoToTensorInfoEntry = 55;
    private const int GetOnnxTypeFromTypeInfoEntry = 56;
    private const int GetTensorElementTypeEntry = 60;
    private const int GetDimensionsCountEntry = 61;
    private const int GetDimensionsEntry = 62;
    private const int GetTensorTypeAndShapeEntry = 65;
    private const int CreateCpuMemoryInfoEntry = 69;
    private const int AllocatorFreeEntry = 76;
    private const int GetAllocatorWithDefaultOptionsEntry = 78;
    private const int ReleaseEnvEntry = 92;
    private const int ReleaseStatusEntry = 93;
    private const int ReleaseMemoryInfoEntry = 94;
    private const int ReleaseSessionEntry = 95;
    private const int ReleaseValueEntry = 96;
    private const int ReleaseTypeInfoEntry = 98;
    private const int ReleaseTensorTypeAndShapeInfoEntry = 99;
    private const int ReleaseSessionOptionsEntry = 100;
    private const int GetAvailableProvidersEntry = 125;
    private const int ReleaseAvailableProvidersEntry = 126;
    private const int SessionOptionsAppendExecutionProviderCudaV2Entry = 204;
    private const int CreateCudaProviderOptionsEntry = 205;
    private const int UpdateCudaProviderOptionsEntry = 206;
    private const int ReleaseCudaProviderOptionsEntry = 208;
    private const int GetBuildInfoStringEntry = 254;

    // OrtAllocatorType / OrtMemType values for plain CPU memory.
    private const int ArenaAllocator = 1;
    private const int MemTypeDefault = 0;

    private readonly nint* table;

    public OrtApi(nint table) => this.table = (nint*)table;

    public SafeOrtStatusHandle CreateStatus(OnnxErrorCode code, string message)
    {
        fixed (byte* text = NativeUtf8.Encode(message))
        {
            return Own<SafeOrtStatusHandle>(((delegate* unmanaged<int, byte*, nint>)table[CreateStatusEntry])((int)code, text));
        }
    }

    public OnnxErrorCode GetErrorCode(SafeOrtStatusHandle status) => GetErrorCode(Pointer(status));

    public string GetErrorMessage(SafeOrtStatusHandle status) => GetErrorMessage(Pointer(status));

    /// <summary>Throws the error a status carries, releasing it; a null status is success.</summary>
    public void Check(nint status)
    {
        if (status == nint.Zero)
        {
            return;
        }

        using var owned = Own<SafeOrtStatusHandle>(status);
        throw new OnnxRuntimeException(GetErrorCode(status), GetErrorMessage(status));
    }

    public SafeOrtEnvHandle CreateEnv(
        delegate* unmanaged<nint, int, byte*, byte*, byte*, byte*, void> logger, int level, string logId)
    {
        nint env;
        fixed (byte* id = NativeUtf8.Encode(logId))
        {
            Check(((delegate* unmanaged<nint, nint, int, byte*, nint*, nint>)table[CreateEnvWithCustomLoggerEntry])(
                (nint)logger, nint.Zero, level, id, &env));
        }

        return Own<SafeOrtEnvHandle>(env);
    }

    public SafeOrtSessionOptionsHandle CreateSessionOptions()
    {
        nint options;
        Check(((delegate* unmanaged<nint*, nint>)table[CreateSessionOptionsEntry])(&options));
        return Own<SafeOrtSessionOptionsHandle>(options);
    }

    public void SetGraphOptimizationLevel(SafeOrtSessionOptionsHandle options, int level) =>
        Check(((delegate* unmanaged<nint, int, nint>)table[SetSessionGraphOptimizationLevelEntry])(Pointer(options), level));

    public void SetIntraOpThreads(SafeOrtSessionOptionsHandle options, int threads) =>
        Check(((delegate* unmanaged<nint, int, nint>)table[SetIntraOpNumThreadsEntry])(Pointer(options), threads));

    public void SetInterOpThreads(SafeOrtSessionOptionsHandle options, int threads) =>
        Check(((delegate* unmanaged<nint, int, nint>)table[SetInterOpNumThreadsEntry])(Pointer(options), threads));

    public void AppendCudaProvider(SafeOrtSessionOptionsHandle options, IReadOnlyList<KeyValuePair<string, string>> settings)
    {
        nint created;
        Check(((delegate* unmanaged<nint*, nint>)table[CreateCudaProviderOptionsEntry])(&created));
        using var cuda = Own<SafeOrtCudaOptionsHandle>(created);
        var keys = settings.Select(setting => NativeUtf8.Encode(setting.Key)).ToArray();
        var values = settings.Select(setting => NativeUtf8.Encode(setting.Value)).ToArray();
        var handles = keys.Concat(values).Select(bytes => GCHandle.Alloc(bytes, GCHandleType.Pinned)).ToArray();
        try
        {
            var keyPointers = stackalloc byte*[keys.Length];
            var valuePointers = stackalloc byte*[values.Length];
            for (var i = 0; i < keys.Length; i++)
            {
                keyPointers[i] = (byte*)handles[i].AddrOfPinnedObject();
                valuePointers[i] = (byte*)handles[keys.Length + i].AddrOfPinnedObject();
            }

            Check(((delegate* unmanaged<nint, byte**, byte**, nuint, nint>)table[UpdateCudaProviderOptionsEntry])(
                Pointer(cuda), keyPointers, valuePointers, (nuint)keys.Length));
        }
        finally
        {
            foreach (var handle in handles)
            {
                handle.Free();
            }
        }

        Check(((delegate* unmanaged<nint, nint, nint>)table[SessionOptionsAppendExecutionProviderCudaV2Entry])(Pointer(options), Pointer(cuda)));
    }

    public SafeOrtSessionHandle CreateSession(SafeOrtEnvHandle env, string modelPath, SafeOrtSessionOptionsHandle options)
    {
        nint session;
        fixed (byte* path = NativeUtf8.Encode(modelPath))
        {
            Check(((delegate* unmanaged<nint, byte*, nint, nint*, nint>)table[CreateSessionEntry])(
                Pointer(env), path, Pointer(options), &session));
        }

        return Own<SafeOrtSessionHandle>(session);
    }

    public int GetInputCount(SafeOrtSessionHandle session) => GetCount(SessionGetInputCountEntry, session);

    public int GetOutputCount(SafeOrtSessionHandle session) => GetCount(SessionGetOutputCountEntry, session);

    public string GetInputName(SafeOrtSessionHandle session, int index) => GetName(SessionGetInputNameEntry, session, index);

    public string GetOutputName(SafeOrtSessionHandle session, int index) => GetName(SessionGetOutputNameEntry, session, index);

    public SafeOrtTypeInfoHandle GetInputTypeInfo(SafeOrtSessionHandle session, int index) =>
        GetTypeInfo(SessionGetInputTypeInfoEntry, session, index);

    public SafeOrtTypeInfoHandle GetOutputTypeInfo(SafeOrtSessionHandle session, int index) =>
        GetTypeInfo(SessionGetOutputTypeInfoEntry, session, index);

    /// <summary>The ONNXType of a type info: 1 is a tensor.</summary>
    public int GetOnnxType(SafeOrtTypeInfoHandle typeInfo)
    {
        int type;
        Check(((delegate* unmanaged<nint, int*, nint>)table[GetOnnxTypeFromTypeInfoEntry])(Pointer(typeInfo), &type));
        return type;
    }

    /// <summary>The tensor part of a type info; it belongs to the type info and is valid while that lives.</summary>
    public nint CastToTensorInfo(SafeOrtTypeInfoHandle typeInfo)
    {
        nint info;
        Check(((delegate* unmanaged<nint, nint*, nint>)table[CastTypeInfoToTensorInfoEntry])(Pointer(typeInfo), &info));
        return info;
    }

    public OnnxElementType GetElementType(nint tensorInfo)
    {
        int type;
        Check(((delegate* unmanaged<nint, int*, nint>)table[GetTensorElementTypeEntry])(tensorInfo, &type));
        return (OnnxElementType)type;
    }

    public long[] GetDimensions(nint tensorInfo)
    {
        nuint count;
        Check(((delegate* unmanaged<nint, nuint*, nint>)table[GetDimensionsCountEntry])(tensorInfo, &count));
        var dimensions = new long[(int)count];
        fixed (long* values = dimensions)
        {
            Check(((delegate* unmanaged<nint, long*, nuint, nint>)table[GetDimensionsEntry])(tensorInfo, values, count));
        }

        return dimensions;
    }

    public SafeOrtMemoryInfoHandle CreateCpuMemoryInfo()
    {
        nint info;
        Check(((delegate* unmanaged<int, int, nint*, nint>)table[CreateCpuMemoryInfoEntry])(ArenaAllocator, MemTypeDefault, &info));
        return Own<SafeOrtMemoryInfoHandle>(info);
    }

    /// <summary>A tensor over memory the caller keeps pinned for as long as the value lives.</summary>
    public SafeOrtValueHandle CreateTensorOverPinned(
        SafeOrtMemoryInfoHandle memoryInfo, void* data, long byteCount, long* shape, int rank, OnnxElementType type)
    {
        nint value;
        Check(((delegate* unmanaged<nint, void*, nuint, long*, nuint, int, nint*, nint>)table[CreateTensorWithDataAsOrtValueEntry])(
            Pointer(memoryInfo), data, (nuint)byteCount, shape, (nuint)rank, (int)type, &value));
        return Own<SafeOrtValueHandle>(value);
    }

    public void Run(
        SafeOrtSessionHandle session, byte** inputNames, nint* inputs, int inputCount, byte** outputNames, nint* outputs, int outputCount) =>
        Check(((delegate* unmanaged<nint, nint, byte**, nint*, nuint, byte**, nuint, nint*, nint>)table[RunEntry])(
            Pointer(session), nint.Zero, inputNames, inputs, (nuint)inputCount, outputNames, (nuint)outputCount, outputs));

    /// <summary>The element type and shape of a tensor value.</summary>
    public (OnnxElementType Type, long[] Shape) GetTensorTypeAndShape(SafeOrtValueHandle value)
    {
        nint created;
        Check(((delegate* unmanaged<nint, nint*, nint>)table[GetTensorTypeAndShapeEntry])(Pointer(value), &created));
        using var info = Own<SafeOrtTensorShapeHandle>(created);
        return (GetElementType(Pointer(info)), GetDimensions(Pointer(info)));
    }

    public void* GetTensorData(SafeOrtValueHandle value)
    {
        void* data;
        Check(((delegate* unmanaged<nint, void**, nint>)table[GetTensorMutableDataEntry])(Pointer(value), &data));
        return data;
    }

    /// <summary>Names of the execution providers this build of ONNX Runtime was compiled with.</summary>
    public IReadOnlyList<string> GetAvailableProviders()
    {
        byte** names;
        int count;
        Check(((delegate* unmanaged<byte***, int*, nint>)table[GetAvailableProvidersEntry])(&names, &count));
        try
        {
            var result = new string[count];
            for (var i = 0; i < count; i++)
            {
                result[i] = NativeUtf8.Decode(names[i]);
            }

            return result;
        }
        finally
        {
            Check(((delegate* unmanaged<byte**, int, nint>)table[ReleaseAvailableProvidersEntry])(names, count));
        }
    }

    public string GetBuildInfo() => NativeUtf8.Decode(((delegate* unmanaged<byte*>)table[GetBuildInfoStringEntry])());

    internal void ReleaseStatus(nint status) => Release(ReleaseStatusEntry, status);

    internal void ReleaseValue(nint value) => Release(ReleaseValueEntry, value);

    internal void ReleaseTensorTypeAndShapeInfo(nint info) => Release(ReleaseTensorTypeAndShapeInfoEntry, info);

    internal void ReleaseCudaProviderOptions(nint options) => Release(ReleaseCudaProviderOptionsEntry, options);

    internal void ReleaseEnv(nint env) => Release(ReleaseEnvEntry, env);

    internal void ReleaseSessionOptions(nint options) => Release(ReleaseSessionOptionsEntry, options);

    internal void ReleaseSession(nint session) => Release(ReleaseSessionEntry, session);

    internal void ReleaseMemoryInfo(nint info) => Release(ReleaseMemoryInfoEntry, info);

    internal void ReleaseTypeInfo(nint info) => Release(ReleaseTypeInfoEntry, info);

    private void Release(int entry, nint handle) => ((delegate* unmanaged<nint, void>)table[entry])(handle);

    private OnnxErrorCode GetErrorCode(nint status) =>
        (OnnxErrorCode)((delegate* unmanaged<nint, int>)table[GetErrorCodeEntry])(status);

    private string GetErrorMessage(nint status) =>
        NativeUtf8.Decode(((delegate* unmanaged<nint, byte*>)table[GetErrorMessageEntry])(status));

    private int GetCount(int entry, SafeOrtSessionHandle session)
    {
        nuint count;
        Check(((delegate* unmanaged<nint, nuint*, nint>)table[entry])(Pointer(session), &count));
        return (int)count;
    }

    private string GetName(int entry, SafeOrtSessionHandle session, int index)
    {
        nint allocator;
        Check(((delegate* unmanaged<nint*, nint>)table[GetAllocatorWithDefaultOptionsEntry])(&allocator));
        byte* name;
        Check(((delegate* unmanaged<nint, nuint, nint, byte**, nint>)table[entry])(Pointer(session), (nuint)index, allocator, &name));
        try
        {
            return NativeUtf8.Decode(name);
        }
        finally
        {
            Check(((delegate* unmanaged<nint, void*, nint>)table[AllocatorFreeEntry])(allocator, name));
        }
    }

    private SafeOrtTypeInfoHandle GetTypeInfo(int entry, SafeOrtSessionHandle session, int index)
    {
        nint info;
        Check(((delegate* unmanaged<nint, nuint, nint*, nint>)table[entry])(Pointer(session), (nuint)index, &info));
        return Own<SafeOrtTypeInfoHandle>(info);
    }

    private static nint Pointer(SafeHandle handle) => handle.DangerousGetHandle();

    private static T Own<T>(nint pointer)
        where T : SafeHandle, new()
    {
        var owner = new T();
        Marshal.InitHandle(owner, pointer);
        return owner;
    }
}
