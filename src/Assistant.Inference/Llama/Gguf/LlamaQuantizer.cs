using LLama.Native;

namespace Assistant.Inference.Llama.Gguf;

/// <summary>Weight formats llama_model_quantize writes (llama_ftype values).</summary>
#pragma warning disable CA1707 // Named as llama.cpp names them, so "Q4_K_M" parses from the command line.
public enum LlamaQuantization
{
    /// <summary>LLAMA_FTYPE_MOSTLY_F16.</summary>
    F16 = 1,

    /// <summary>LLAMA_FTYPE_MOSTLY_Q8_0.</summary>
    Q8_0 = 7,

    /// <summary>LLAMA_FTYPE_MOSTLY_Q4_K_M.</summary>
    Q4_K_M = 15,
}
#pragma warning restore CA1707

/// <summary>Quantizes a GGUF model with llama.cpp's own quantizer.</summary>
public static class LlamaQuantizer
{
    /// <exception cref="FileNotFoundException">The input does not exist.</exception>
    /// <exception cref="LlamaException">llama.cpp failed to quantize it.</exception>
    public static void Quantize(string input, string output, LlamaQuantization quantization, int? threads = null)
    {
        if (!File.Exists(input))
        {
            throw new FileNotFoundException($"The model file '{input}' does not exist.", input);
        }

        LlamaRuntime.Initialize();
        LlamaLog.TakeLastError();
        if (!LLama.LLamaQuantizer.Quantize(input, output, (LLamaFtype)quantization, threads ?? Environment.ProcessorCount, allowRequantize: false, quantizeOutputTensor: true))
        {
            throw new LlamaException(
                $"Failed to quantize '{input}' to {quantization}: {LlamaLog.TakeLastError() ?? "llama.cpp logged no reason"}.");
        }
    }
}
