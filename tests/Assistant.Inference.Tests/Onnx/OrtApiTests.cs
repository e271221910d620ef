using Assistant.Inference.Onnx;

namespace Assistant.Inference.Tests.Onnx;

/// <summary>Checks entries of the OrtApi table by what they do, so a miscounted index fails here first.</summary>
public class OrtApiTests
{
    public OrtApiTests() => OnnxRuntime.Initialize();

    [Fact]
    public void Build_copies_onnxruntime_next_to_the_assembly()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "native", "linux-x64", "onnxruntime", OnnxRuntime.LibraryFileName);

        Assert.True(File.Exists(path), path);
    }

    [Fact]
    public void Api_base_reports_the_version_the_binding_was_written_for()
    {
        Assert.Equal($"1.{OnnxRuntime.ApiVersion}.0", OnnxRuntime.Version);
    }

    [Fact]
    public void Status_round_trips_its_code_and_message()
    {
        var api = OnnxRuntime.Api;
        foreach (var code in new[] { OnnxErrorCode.InvalidArgument, OnnxErrorCode.NoSuchFile, OnnxErrorCode.InvalidGraph })
        {
            var message = $"status {code} with ünïcode";
            using var status = api.CreateStatus(code, message);

            Assert.Equal(code, api.GetErrorCode(status));
            Assert.Equal(message, api.GetErrorMessage(status));
        }
    }

    [Fact]
    public void Available_providers_include_the_cpu_provider()
    {
        Assert.Contains("CPUExecutionProvider", OnnxRuntime.AvailableProviders());
    }

    [Fact]
    public void Build_info_entry_returns_onnx_runtime_build_description()
    {
        Assert.StartsWith("ORT Build Info", OnnxRuntime.BuildInfo(), StringComparison.Ordinal);
    }

    [Fact]
    public void Loading_from_another_folder_once_loaded_is_a_clear_error()
    {
        var other = Directory.CreateTempSubdirectory("ort-other-").FullName;
        try
        {
            var error = Assert.Throws<InvalidOperationException>(
                () => OnnxRuntime.Initialize(new OnnxRuntimeOptions { LibraryDirectory = other }));
            Assert.Contains(other, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(other);
        }
    }
}
