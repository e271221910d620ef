using System.Runtime.InteropServices;
using Assistant.Inference.Llama;
using Assistant.Inference.Llama.Native;

namespace Assistant.Inference.Tests.Llama;

public class LlamaRuntimeTests
{
    [Fact]
    public void Build_copies_the_cpu_libraries_next_to_the_assembly()
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "native", "linux-x64", "cpu");

        Assert.True(File.Exists(Path.Combine(directory, "libllama.v0.5.0.so")));
        Assert.True(File.Exists(Path.Combine(directory, "libggml.v0.5.0.so")));
        Assert.True(File.Exists(Path.Combine(directory, "libggml-base.so")));
        Assert.NotEmpty(Directory.GetFiles(directory, "libggml-cpu-*.so"));
    }

    [Fact]
    public void Cpu_backend_loads()
    {
        Assert.Equal(LlamaBackend.Cpu, LlamaRuntime.Initialize(new LlamaRuntimeOptions { Backend = LlamaBackend.Cpu }));
        Assert.EndsWith(Path.Combine("native", "linux-x64", "cpu"), LlamaRuntime.LibraryDirectory, StringComparison.Ordinal);
    }

    [Fact]
    public void Asking_for_cuda_once_the_cpu_build_is_loaded_is_a_clear_error()
    {
        LlamaRuntime.Initialize(new LlamaRuntimeOptions { Backend = LlamaBackend.Cpu });

        var error = Assert.Throws<InvalidOperationException>(
            () => LlamaRuntime.Initialize(new LlamaRuntimeOptions { Backend = LlamaBackend.Cuda }));
        Assert.Contains("Cuda", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_cuda_build_names_the_folder_and_how_to_get_it()
    {
        var root = Directory.CreateTempSubdirectory("llama-cuda-").FullName;
        try
        {
            var cuda = Path.Combine(root, "cuda");
            var error = Assert.Throws<LlamaException>(() => LlamaRuntime.EnsureLoadable(cuda, LlamaBackend.Cuda));
            Assert.Contains(cuda, error.Message, StringComparison.Ordinal);
            Assert.Contains("-p:LlamaCuda=true", error.Message, StringComparison.Ordinal);

            // The CPU libraries alone are not a CUDA build.
            Directory.CreateDirectory(cuda);
            foreach (var library in Directory.GetFiles(LlamaRuntime.LibraryDirectory ?? CpuDirectory(), "lib*.so"))
            {
                File.Copy(library, Path.Combine(cuda, Path.GetFileName(library)));
            }

            error = Assert.Throws<LlamaException>(() => LlamaRuntime.EnsureLoadable(cuda, LlamaBackend.Cuda));
            Assert.Contains(Path.Combine(cuda, "libggml-cuda.so"), error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Cuda_build_without_the_cuda_runtime_names_the_missing_library()
    {
        if (NativeLibrary.TryLoad("libcuda.so.1", out var driver))
        {
            NativeLibrary.Free(driver);
            return; // A machine with a CUDA driver cannot show this error.
        }

        var cuda = Directory.CreateTempSubdirectory("llama-cuda-").FullName;
        try
        {
            foreach (var name in new[] { "libllama.cuda.v0.5.0.so", "libggml.cuda.v0.5.0.so", "libggml-base.so", "libggml-cuda.so" })
            {
                File.WriteAllBytes(Path.Combine(cuda, name), []);
            }

            var error = Assert.Throws<LlamaException>(() => LlamaRuntime.EnsureLoadable(cuda, LlamaBackend.Cuda));

            Assert.Contains("'libcuda.so.1'", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(cuda, recursive: true);
        }
    }

    private static string CpuDirectory() => Path.Combine(AppContext.BaseDirectory, "native", "linux-x64", "cpu");
}
