using Assistant.Inference.Llama;
using Assistant.Tests.Support;

namespace Assistant.Inference.Tests.Llama;

public class LlamaModelTests
{
    [Fact]
    public void Missing_model_file_is_a_clear_error()
    {
        var path = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.gguf");

        var error = Assert.Throws<FileNotFoundException>(() => LlamaModel.Load(new LlamaModelOptions { Path = path }));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not a gguf file at all")]
    [InlineData("GGUF")]
    public void Corrupt_model_file_is_a_clear_error_not_a_crash(string content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"corrupt-{Guid.NewGuid():N}.gguf");
        File.WriteAllText(path, content);
        try
        {
            var error = Assert.Throws<LlamaException>(() => LlamaModel.Load(new LlamaModelOptions { Path = path }));
            Assert.Contains(path, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [SharedFact]
    public void Truncated_model_file_is_a_clear_error_not_a_crash()
    {
        var path = Path.Combine(Path.GetTempPath(), $"truncated-{Guid.NewGuid():N}.gguf");
        var bytes = File.ReadAllBytes(SharedData.Path("models", "stories260K.gguf"));
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        try
        {
            var error = Assert.Throws<LlamaException>(() => LlamaModel.Load(new LlamaModelOptions { Path = path }));
            Assert.Contains("Failed to load the model", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [SharedTheory]
    [InlineData("Трудовой кодекс Республики Казахстан, статья 88, пункт 1.")]
    [InlineData("Қазақстан Республикасының Еңбек кодексі, 88-бап, 1-тармақ. Әділет ғұмыр өңір үйі.")]
    [InlineData("Смешанный текст: ҚР Еңбек кодексі и «Сноска.» — 2024 ж.")]
    public void Russian_and_Kazakh_text_round_trips_through_the_llama3_tokenizer(string text)
    {
        using var model = LlamaModel.Load(new LlamaModelOptions
        {
            Path = SharedData.Path("models", "ggml-vocab-llama-bpe.gguf"),
            VocabOnly = true,
        });

        var tokens = model.Tokenize(text, addSpecial: false);

        Assert.Equal(128_256, model.VocabularySize);
        Assert.InRange(tokens.Length, 5, text.Length);
        Assert.Equal(text, model.Detokenize(tokens));
    }

    [SharedFact]
    public void Vocab_only_model_reports_its_progress_and_chat_template()
    {
        var reports = new List<float>();
        using var model = LlamaModel.Load(new LlamaModelOptions
        {
            Path = SharedData.Path("models", "stories260K.gguf"),
            Progress = new SynchronousProgress(reports.Add),
        });

        Assert.NotEmpty(reports);
        Assert.Equal(1f, reports[^1]);
        Assert.True(model.ParameterCount > 200_000);

        // stories260K has no template of its own: llama.cpp falls back to ChatML.
        var prompt = model.ApplyChatTemplate([new("system", "Be brief."), new("user", "Hi")]);
        Assert.Equal("<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n", prompt);
    }

    private sealed class SynchronousProgress(Action<float> report) : IProgress<float>
    {
        public void Report(float value) => report(value);
    }
}
