using Assistant.Api.Tests.Hosting;
using Assistant.Core.Access;
using Assistant.Core.Answers;
using Assistant.Core.Forecasts;

namespace Assistant.Api.Tests.Chat;

/// <summary>The API reads the answer, rewrite and forecast templates from Answers:PromptsPath as it starts, and will not start on a broken one.</summary>
public sealed class PromptsFolderTests(TestCatalog catalog) : IClassFixture<TestCatalog>, IDisposable
{
    private readonly DirectoryInfo _prompts = Directory.CreateTempSubdirectory("raglegal-api-prompts-");

    public void Dispose() => _prompts.Delete(recursive: true);

    [Theory]
    [InlineData(AnswerPrompt.Name)]
    [InlineData(RewritePrompt.Name)]
    [InlineData(ForecastPrompt.Name)]
    public void A_prompts_folder_missing_a_template_stops_the_api_naming_the_file(string prompt)
    {
        CopyPrompts();
        var missing = Path.Combine(_prompts.FullName, prompt, "ru.txt");
        File.Delete(missing);
        using var host = new ApiHost(catalog.Copy(), new Dictionary<string, string?> { ["Answers:PromptsPath"] = _prompts.FullName });

        var error = Assert.Throws<PromptTemplateException>(() => host.CreateClient());

        Assert.StartsWith(missing + ": missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_templates_of_a_configured_folder_are_the_ones_answered_with()
    {
        CopyPrompts();
        using var host = new ApiHost(catalog.Copy(), new Dictionary<string, string?> { ["Answers:PromptsPath"] = _prompts.FullName, ["Llm:ModelPath"] = string.Empty });
        using var client = host.ClientAs(AccessRole.Deputy);
        using var response = await ChatTests.PostChatAsync(client, "Образовать Совет по развитию искусственного интеллекта", stream: false);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>The repository's prompts, every one of them, into the test's folder.</summary>
    private void CopyPrompts()
    {
        foreach (var name in new[] { AnswerPrompt.Name, RewritePrompt.Name, ForecastPrompt.Name })
        {
            var folder = Directory.CreateDirectory(Path.Combine(_prompts.FullName, name)).FullName;
            foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "prompts", name)))
            {
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            }
        }
    }
}
