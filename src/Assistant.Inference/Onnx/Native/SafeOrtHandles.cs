using System.Runtime.InteropServices;

namespace Assistant.Inference.Onnx.Native;

/// <summary>An Ort* object released through its OrtApi Release entry.</summary>
internal abstract class SafeOrtHandle : SafeHandle
{
    protected SafeOrtHandle()
        : base(nint.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == nint.Zero;

    protected override bool ReleaseHandle()
    {
        Release(OnnxRuntime.Api, handle);
        return true;
    }

    protected abstract void Release(OrtApi api, nint pointer);
}

/// <summary>Owns an OrtEnv*.</summary>
internal sealed class SafeOrtEnvHandle : SafeOrtHandle
{
    protected override void Release(OrtApi api, nint pointer) => api.ReleaseEnv(pointer);
}

/// <summary>Owns an OrtSessionOptions*.</summary>
internal sealed class SafeOrtSessionOptionsHandle : SafeOrtHandle
{
    protected override void Release(OrtApi api, nint pointer) => api.ReleaseSessionOptions(pointer);
}

/// <summary>Owns an OrtSession*.</summary>
internal sealed class SafeOrtSessionHandle : SafeOrtHandle
{
    protected override void Release(OrtApi api, nint pointer) => api.ReleaseSession(pointer);
}

/// <summary>Owns an OrtMemoryInfo*.</summary>
internal sealed class SafeOrtMemoryInfoHandle : SafeOrtHandle
{
    protected override void Release(OrtApi api, nint pointer) => api.ReleaseMemoryInfo(pointer);
}

/// <summary>Owns an OrtTypeInfo*.</summary>
internal sealed class SafeOrtTypeInfoHandle : SafeOrtHandle
{
    protected override void Release(OrtApi api, nint pointer) => api.ReleaseTypeInfo(pointer);
}

/// <summary>Owns an OrtValue*.</summary>
internal sealed class SafeOrtValueHandle : SafeOrtHandle
{
    protected override void Release(OrtApi api, nint pointer) => api.ReleaseValue(pointer);
}

/// <summary>Owns an OrtStatus*.</summary>
internal sealed class SafeOrtStatusHandle : SafeOrtHandle
{
    protected override void Release(OrtApi api, nint pointer) => api.ReleaseStatus(pointer);
}

/// <summary>Owns an OrtTensorTypeAndShapeInfo*.</summary>
internal sealed class SafeOrtTensorShapeHandle : SafeOrtHandle
{
    protected override void Release(OrtApi api, nint pointer) => api.ReleaseTensorTypeAndShapeInfo(pointer);
}

/// <summary>Owns an OrtCUDAProviderOptionsV2*.</summary>
internal sealed class SafeOrtCudaOptionsHandle : SafeOrtHandle
{
    protected override void Release(OrtApi api, nint pointer) => api.ReleaseCudaProviderOptions(pointer);
}
