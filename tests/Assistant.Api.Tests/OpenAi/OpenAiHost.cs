using System.ClientModel;
using System.ClientModel.Primitives;
using Assistant.Api.Tests.Hosting;
using Assistant.Core.Access;
using Assistant.Tests.Support;
using OpenAI;

namespace Assistant.Api.Tests.OpenAi;

/// <summary>
/// The API with the tiny stories260K chat model and the test vectors' embedding model, and OpenAI's own SDK pointed
/// at it: the client a team would connect, with the user's token as its API key.
/// </summary>
public sealed class OpenAiHost : IDisposable
{
    public const string RawModel = "stories260K";

    public OpenAiHost(TestVectors vectors, bool withChatModel = true, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var settings = vectors.Settings();
        if (withChatModel)
        {
            settings["Llm:ModelPath"] = SharedData.IsAvailable ? SharedData.Path("models", "stories260K.gguf") : string.Empty;
        }

        settings["Llm:Parallel"] = "2";
        settings["Llm:ContextSize"] = "8192";
        settings["Llm:Threads"] = "1";
        settings["Llm:MaxAnswerTokens"] = "48";
        settings["Answers:Sources"] = "3";
        settings["Answers:MaxSourceCharacters"] = "200";
        settings["Answers:MaxAnswerTokens"] = "48";
        settings["Answers:ConstrainCitations"] = "true";
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        Api = new ApiHost(vectors.CatalogPath, settings);
    }

    public ApiHost Api { get; }

    public OpenAIClient Client(string? apiKey = null) => new(
        new ApiKeyCredential(apiKey ?? ApiHost.Token(AccessRole.Deputy, "aida.nurlanovna")),
        new OpenAIClientOptions
        {
            Endpoint = new Uri(Api.Server.BaseAddress, "/v1"),
            Transport = new HttpClientPipelineTransport(Api.CreateClient()),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        });

    public void Dispose() => Api.Dispose();
}
