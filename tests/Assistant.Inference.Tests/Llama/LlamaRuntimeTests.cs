using Assistant.Inference.Llama;

namespace Assistant.Inference.Tests.Llama;

public class LlamaRuntimeTests
{
    [Fact]
    public void Cpu_backend_package_loads_a_build_for_this_cpu()
    {
        var backend = LlamaRuntime.Initialize();

        Assert.StartsWith("cpu", backend, StringComparison.Ordinal);
        Assert.Equal(backend, LlamaRuntime.Backend);
        Assert.Equal(backend, LlamaRuntime.Initialize());
    }

    [Fact]
    public void Missing_native_library_names_the_path_and_how_to_build_it()
    {
        var path = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}", "libllama.so");

        var error = Assert.Throws<LlamaException>(() => LlamaRuntime.Initialize(new LlamaRuntimeOptions { LibraryPath = path }));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("scripts/build-llama-cuda.sh", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Asking_for_another_library_once_one_is_loaded_is_a_clear_error()
    {
        var loaded = LlamaRuntime.Initialize();
        var other = Path.Combine(Path.GetTempPath(), $"libllama-{Guid.NewGuid():N}.so");
        File.WriteAllBytes(other, []);
        try
        {
            var error = Assert.Throws<InvalidOperationException>(() => LlamaRuntime.Initialize(new LlamaRuntimeOptions { LibraryPath = other }));

            Assert.Contains(other, error.Message, StringComparison.Ordinal);
            Assert.Contains(loaded, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(other);
        }
    }
}
