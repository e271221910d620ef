using System.Runtime.CompilerServices;
using System.Text.Json;
using Assistant.Api.Chat;
using Assistant.Api.Tests.Hosting;
using Assistant.Core.Acts;
using Assistant.Core.Adilet;
using Assistant.Core.Answers;
using Assistant.Core.Norms;
using Assistant.Storage.Catalog;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using FunctionCallContent = Microsoft.Extensions.AI.FunctionCallContent;
using FunctionResultContent = Microsoft.Extensions.AI.FunctionResultContent;
using ModelResponse = Microsoft.Extensions.AI.ChatResponse;

namespace Assistant.Api.Tests.Chat;

/// <summary>
/// The norms plugin invoked through the API's own kernel, over a catalog of real acts (the samples, and a repealed
/// law that must never be found for an answer), and used by a model that calls tools.
/// </summary>
public sealed class NormsPluginTests : IClassFixture<TestCatalog>, IDisposable
{
    private const string CouncilPoint = "U2500000881/p:1";

    private readonly string _catalogPath;
    private readonly ApiHost _host;
    private readonly DirectoryInfo _prompts = Directory.CreateTempSubdirectory("raglegal-tool-prompts-");

    public NormsPluginTests(TestCatalog catalog)
    {
        _catalogPath = catalog.Copy();
        using (var copy = LegalCatalog.Open(_catalogPath))
        {
            copy.SaveAct(AdiletTextParser.Parse(
                """
                О Совете по развитию искусственного интеллекта
                Утративший силу
                Закон Республики Казахстан от 1 июля 2001 года № 1-II.
                Статья 1. Совет по развитию искусственного интеллекта
                1. Совет по развитию искусственного интеллекта образуется при акимате.
                """,
                "Z010000001_",
                Language.Ru));
        }

        _host = new ApiHost(_catalogPath, new Dictionary<string, string?> { ["Llm:ModelPath"] = string.Empty });
    }

    public void Dispose()
    {
        _host.Dispose();
        _prompts.Delete(recursive: true);
    }

    private Kernel Kernel => _host.Services.GetRequiredService<Kernel>();

    [Fact]
    public void The_kernel_offers_search_norms_and_get_norm()
    {
        var functions = Kernel.Plugins[NormsPlugin.Name].Select(f => f.Name).Order(StringComparer.Ordinal);

        Assert.Equal(["get_norm", "search_norms"], functions);
        Assert.Equal(["query", "lang", "top"], Kernel.Plugins[NormsPlugin.Name]["search_norms"].Metadata.Parameters.Select(p => p.Name));
    }

    [Fact]
    public async Task Search_norms_through_the_kernel_finds_catalog_norms_of_acts_in_force()
    {
        var result = await Kernel.InvokeAsync(NormsPlugin.Name, "search_norms", new KernelArguments { ["query"] = "Образовать Совет по развитию искусственного интеллекта", ["lang"] = "ru", ["top"] = 3 });

        var norms = result.GetValue<IReadOnlyList<FoundNorm>>()!;
        Assert.InRange(norms.Count, 1, 3);
        Assert.Contains(norms, norm => norm.Id == CouncilPoint);
        Assert.DoesNotContain(norms, norm => norm.Id.StartsWith("Z010000001_", StringComparison.Ordinal));
        using var catalog = LegalCatalog.Open(_catalogPath);
        Assert.All(norms, norm => Assert.NotNull(catalog.GetNorm(NormId.Parse(norm.Id), Language.Ru)));
        Assert.Equal(catalog.GetNormText(NormId.Parse(CouncilPoint), Language.Ru), norms.Single(norm => norm.Id == CouncilPoint).Text);
    }

    [Fact]
    public async Task Get_norm_through_the_kernel_reads_the_norm_from_the_catalog()
    {
        var result = await Kernel.InvokeAsync(NormsPlugin.Name, "get_norm", new KernelArguments { ["id"] = CouncilPoint });

        var norm = result.GetValue<CatalogNorm>()!;
        using var catalog = LegalCatalog.Open(_catalogPath);
        var stored = catalog.GetNorm(NormId.Parse(CouncilPoint))!;
        Assert.Equal(CouncilPoint, norm.Id);
        Assert.Equal(stored.Citation, norm.Citation);
        Assert.Equal(stored.Text, norm.Text);
        Assert.True(norm.CurrentEdition);
        Assert.False(norm.Excluded);
    }

    [Fact]
    public async Task Get_norm_of_an_id_the_catalog_lacks_is_null()
    {
        var result = await Kernel.InvokeAsync(NormsPlugin.Name, "get_norm", new KernelArguments { ["id"] = "U2500000881/p:999" });

        Assert.Null(result.GetValue<CatalogNorm>());
    }

    [Theory]
    [InlineData("get_norm", "id", "статья 5", "id is 'статья 5', not a norm id")]
    [InlineData("search_norms", "lang", "en", "lang is 'en': use ru or kk")]
    [InlineData("search_norms", "top", "50", "top is 50: ask for 1 to 20 norms")]
    public async Task A_bad_argument_is_an_error_that_names_it(string function, string name, string value, string says)
    {
        var arguments = new KernelArguments { ["query"] = "Совет", ["id"] = CouncilPoint, [name] = value };

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => Kernel.InvokeAsync(NormsPlugin.Name, function, arguments));

        Assert.Contains(says, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_model_that_calls_tools_reads_a_norm_through_the_kernel_and_its_answer_is_still_verified()
    {
        var prompts = PromptsWithTools();
        var chat = new ToolCallingChat("get_norm", new Dictionary<string, object?> { ["id"] = CouncilPoint }, "Совет образуется указом [1]. См. также [9].");
        var kernel = ChatServices.AnswerKernel(chat, _host.Services.GetRequiredService<NormsPlugin>(), NullLoggerFactory.Instance);
        var answerer = new GroundedAnswerer(_host.Services.GetRequiredService<INormRetriever>(), kernel, AnswerPrompt.Load(prompts), _host.Services.GetRequiredService<IOptions<AnswerOptions>>().Value);

        AnswerResult? result = null;
        await foreach (var step in answerer.AnswerAsync(new AnswerRequest("Какой совет образован по развитию искусственного интеллекта?", [], null, new RetrievalFilters()), CancellationToken.None))
        {
            result = (step as AnswerCompleted)?.Result ?? result;
        }

        Assert.Equal(2, chat.Requests.Count);
        Assert.Contains("norms_search_norms", chat.Requests[0].Tools);
        var toolResult = Assert.Single(chat.Requests[1].Messages.SelectMany(m => m.Contents).OfType<FunctionResultContent>());
        using var catalog = LegalCatalog.Open(_catalogPath);
        Assert.Contains(JsonSerializer.Serialize(catalog.GetNorm(NormId.Parse(CouncilPoint))!.Text), JsonSerializer.Serialize(toolResult.Result), StringComparison.Ordinal);
        Assert.Equal(AnswerMode.Generated, result!.Mode);
        Assert.Equal("Совет образуется указом [1]. См. также.", result.Text);
        Assert.Equal(["[9]"], result.RemovedMarkers);
    }

    /// <summary>The repository's templates with function calling allowed in the answer's settings, as an operator would allow it.</summary>
    private string PromptsWithTools()
    {
        var source = Path.Combine(AppContext.BaseDirectory, "prompts", AnswerPrompt.Name);
        var target = Directory.CreateDirectory(Path.Combine(_prompts.FullName, AnswerPrompt.Name)).FullName;
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        var config = Path.Combine(target, PromptTemplateSet.ConfigFile);
        File.WriteAllText(config, File.ReadAllText(config).Replace(
            "\"temperature\": 0", "\"temperature\": 0, \"function_choice_behavior\": { \"type\": \"auto\" }", StringComparison.Ordinal));
        return _prompts.FullName;
    }

    /// <summary>Asks for one function of the norms plugin, then answers once it has the result.</summary>
    private sealed class ToolCallingChat(string function, Dictionary<string, object?> arguments, string answer) : IChatClient
    {
        public List<(List<ChatMessage> Messages, List<string> Tools)> Requests { get; } = [];

        public Task<ModelResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken);

        public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
            IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            List<ChatMessage> asked = [.. messages];
            Requests.Add((asked, [.. options?.Tools?.Select(tool => tool.Name) ?? []]));
            await Task.Yield();
            if (!asked.SelectMany(m => m.Contents).OfType<FunctionResultContent>().Any())
            {
                yield return new ChatResponseUpdate(ChatRole.Assistant, [new FunctionCallContent("call-1", NormsPlugin.Name + "_" + function, arguments)]);
                yield break;
            }

            yield return new ChatResponseUpdate(ChatRole.Assistant, answer);
        }

        public object? GetService(Type serviceType, object? serviceKey = null) =>
            serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("tool-calling") : null;

        public void Dispose()
        {
        }
    }
}
