using Assistant.Core.Acts;
using Assistant.Core.Answers;
using Assistant.Core.Norms;

namespace Assistant.Core.Tests.Answers;

/// <summary>
/// The answer templates as a legal expert edits them: a copy of the repository's prompts folder, changed the way a
/// person editing text might change it, then loaded as the API loads it.
/// </summary>
public sealed class PromptTemplateSetTests : IDisposable
{
    private static readonly string Repository = Path.Combine(AppContext.BaseDirectory, "prompts");

    private readonly DirectoryInfo _prompts = Directory.CreateTempSubdirectory("raglegal-prompts-");

    public PromptTemplateSetTests()
    {
        foreach (var file in Directory.GetFiles(Repository, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(_prompts.FullName, Path.GetRelativePath(Repository, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
    }

    private string Answer(string file) => Path.Combine(_prompts.FullName, "answer", file);

    public void Dispose() => _prompts.Delete(recursive: true);

    [Fact]
    public async Task An_edited_template_reaches_the_model_without_a_build()
    {
        File.WriteAllText(Answer("ru.txt"), File.ReadAllText(Answer("ru.txt")).Replace(
            "Отвечай на русском языке.", "Отвечай на русском языке, коротко и со ссылкой на статью.", StringComparison.Ordinal));
        var chat = new GroundedAnswererTests.ScriptedChat("Кража наказывается штрафом [1].");
        var norm = new RetrievedNorm(new NormId("K1400000226", "188"), Language.Ru, "Уголовный кодекс РК, ст. 188", "Кража", "Кража наказывается штрафом.", 1, true);

        await GroundedAnswererTests.CompleteAsync(GroundedAnswererTests.Answerer(chat, new AnswerOptions(), AnswerPrompt.Load(_prompts.FullName), norm), "ст. 188 УК");

        Assert.EndsWith("Отвечай на русском языке, коротко и со ссылкой на статью.", Assert.Single(chat.Requests).Messages[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_repositorys_templates_load()
    {
        var prompt = PromptTemplateSet.Load(Repository, AnswerPrompt.Name, AnswerPrompt.Variables);

        Assert.Equal("answer", prompt.Name);
        Assert.Equal(["history", "question", "sources"], prompt.For(Language.Kk).Metadata.Parameters.Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_missing_template_is_named()
    {
        File.Delete(Answer("kk.txt"));

        var error = Assert.Throws<PromptTemplateException>(() => AnswerPrompt.Load(_prompts.FullName));

        Assert.StartsWith(Answer("kk.txt") + ": missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_prompts_folder_is_named()
    {
        var missing = Path.Combine(_prompts.FullName, "nowhere");

        var error = Assert.Throws<PromptTemplateException>(() => AnswerPrompt.Load(missing));

        Assert.Contains(Path.Combine(missing, "answer") + ": the folder of the 'answer' prompt does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_ampersand_in_the_text_is_reported_with_its_line()
    {
        var lines = File.ReadAllLines(Answer("ru.txt")).ToList();
        lines.Insert(2, "Ссылайся на статьи & пункты.");
        File.WriteAllLines(Answer("ru.txt"), lines);

        var error = Assert.Throws<PromptTemplateException>(() => AnswerPrompt.Load(_prompts.FullName));

        Assert.StartsWith(Answer("ru.txt") + ": not well-formed at line 3,", error.Message, StringComparison.Ordinal);
        Assert.Contains("&amp;", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_variable_the_prompt_is_not_given_is_refused()
    {
        File.WriteAllText(Answer("kk.txt"), File.ReadAllText(Answer("kk.txt")).Replace("{{$question}}", "{{$questoin}}", StringComparison.Ordinal));

        var error = Assert.Throws<PromptTemplateException>(() => AnswerPrompt.Load(_prompts.FullName));

        Assert.StartsWith(Answer("kk.txt") + ": uses {{$questoin}}, which the prompt is not given", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_without_the_sources_is_refused()
    {
        File.WriteAllText(Answer("ru.txt"), File.ReadAllText(Answer("ru.txt")).Replace("{{$sources}}", string.Empty, StringComparison.Ordinal));

        var error = Assert.Throws<PromptTemplateException>(() => AnswerPrompt.Load(_prompts.FullName));

        Assert.Equal(Answer("ru.txt") + ": does not use {{$sources}}, so the model would never see it.", error.Message);
    }

    [Fact]
    public void Text_outside_the_messages_is_refused()
    {
        File.AppendAllText(Answer("ru.txt"), "Спасибо за вопрос.\n");

        var error = Assert.Throws<PromptTemplateException>(() => AnswerPrompt.Load(_prompts.FullName));

        Assert.Equal(Answer("ru.txt") + ": text outside any <message>, which the model would never see: «Спасибо за вопрос.».", error.Message);
    }

    [Fact]
    public void An_unclosed_variable_is_reported()
    {
        File.WriteAllText(Answer("ru.txt"), File.ReadAllText(Answer("ru.txt")).Replace("{{$question}}", "{{$question", StringComparison.Ordinal));

        var error = Assert.Throws<PromptTemplateException>(() => AnswerPrompt.Load(_prompts.FullName));

        Assert.StartsWith(Answer("ru.txt") + ":", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_settings_are_reported_with_their_line()
    {
        File.WriteAllText(Answer("config.json"), File.ReadAllText(Answer("config.json")).Replace("\"temperature\": 0", "\"temperature\": 0,", StringComparison.Ordinal));

        var error = Assert.Throws<PromptTemplateException>(() => AnswerPrompt.Load(_prompts.FullName));

        Assert.StartsWith(Answer("config.json") + ": not valid JSON at line ", error.Message, StringComparison.Ordinal);
    }
}
