using Assistant.Api.Tests.Hosting;
using Assistant.Core.Access;
using Assistant.Core.Answers;

namespace Assistant.Api.Tests.Chat;

/// <summary>The API reads the answer templates from Answers:PromptsPath as it starts, and will not start on a broken one.</summary>
public sealed class PromptsFolderTests(TestCatalog catalog) : IClassFixture<TestCatalog>, IDisposable
{
    private readonly DirectoryInfo _prompts = Directory.CreateTempSubdirectory("raglegal-api-prompts-");

    public void Dispose() => _prompts.Delete(recursive: true);

    [Fact]
    public void A_prompts_folder_without_the_answer_template_stops_the_api_naming_the_file()
    {
        var answer = Directory.CreateDirectory(Path.Combine(_prompts.FullName, AnswerPrompt.Name)).FullName;
        File.Copy(Path.Combine(AppContext.BaseDirectory, "prompts", AnswerPrompt.Name, PromptTemplateSet.ConfigFile), Path.Combine(answer, PromptTemplateSet.ConfigFile));
        using var host = new ApiHost(catalog.Copy(), new Dictionary<string, string?> { ["Answers:PromptsPath"] = _prompts.FullName });

        var error = Assert.Throws<PromptTemplateException>(() => host.CreateClient());

        Assert.StartsWith(Path.Combine(answer, "ru.txt") + ": missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_templates_of_a_configured_folder_are_the_ones_answered_with()
    {
        var answer = Directory.CreateDirectory(Path.Combine(_prompts.FullName, AnswerPrompt.Name)).FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "prompts", AnswerPrompt.Name)))
        {
            File.Copy(file, Path.Combine(answer, Path.GetFileName(file)));
        }

        using var host = new ApiHost(catalog.Copy(), new Dictionary<string, string?> { ["Answers:PromptsPath"] = _prompts.FullName, ["Llm:ModelPath"] = string.Empty });
        using var client = host.ClientAs(AccessRole.Deputy);
        using var response = await ChatTests.PostChatAsync(client, "Образовать Совет по развитию искусственного интеллекта", stream: false);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }
}
