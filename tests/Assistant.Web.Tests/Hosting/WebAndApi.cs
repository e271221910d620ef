extern alias api;

using Assistant.Accounts;
using Assistant.Core.Access;
using Assistant.Core.Adilet;
using Assistant.Storage.Catalog;
using Assistant.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using ApiProgram = api::Program;

namespace Assistant.Web.Tests.Hosting;

/// <summary>
/// The API and the web app as run.sh starts them, both on Kestrel in this process: a catalog of the sample acts and
/// the Criminal and Labour Codes, the tiny stories260K chat model (so answers stream token by token), a fresh
/// accounts file. One per test class; accounts are made per test.
/// </summary>
public sealed class WebAndApi : IAsyncLifetime, IDisposable
{
    public const string SigningKey = "web-test-signing-key-0123456789abcdefghijklmnopqrstuvwxyz";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("raglegal-web-");
    private ApiFactory? _api;
    private WebFactory? _web;

    public Uri ApiUrl { get; private set; } = null!;

    public Uri WebUrl { get; private set; } = null!;

    public Task InitializeAsync()
    {
        var catalog = Path.Combine(_folder.FullName, "catalog.db");
        using (var acts = LegalCatalog.Open(catalog))
        {
            var files = Directory.GetFiles(RepositoryFolders.TestActs, "*.txt").ToList();
            files.Add(SharedData.Path("corpus", "adilet", "ru", "K1400000226.ru.txt"));
            files.Add(SharedData.Path("corpus", "adilet", "ru", "K1500000414.ru.txt"));
            foreach (var file in files)
            {
                acts.SaveAct(AdiletTextParser.ParseFile(file));
            }
        }

        _api = new ApiFactory(catalog);
        _api.UseKestrel(0);
        _api.StartServer();
        ApiUrl = Address(_api.Services);

        _web = new WebFactory(ApiUrl, _folder.FullName);
        _web.UseKestrel(0);
        _web.StartServer();
        WebUrl = Address(_web.Services);
        return Task.CompletedTask;
    }

    /// <summary>Creates an account and returns its password, as an admin would hand it over.</summary>
    public async Task<string> AddAccountAsync(string name, AccessRole role)
    {
        await using var scope = _web!.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AccountRegistry>().AddAsync(name, role, null, CancellationToken.None);
    }

    /// <summary>A token the API accepts, to check that it, and not only the pages, refuses a role.</summary>
    public static string Token(string name, AccessRole role) =>
        AccessToken.Issue(Core.Access.SigningKey.Parse(SigningKey), name, role, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5));

    public async Task DisposeAsync()
    {
        if (_web is not null)
        {
            await _web.DisposeAsync();
        }

        if (_api is not null)
        {
            await _api.DisposeAsync();
        }

        Dispose();
    }

    public void Dispose()
    {
        _web?.Dispose();
        _api?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_folder.Exists)
        {
            _folder.Delete(recursive: true);
        }
    }

    private static Uri Address(IServiceProvider services)
    {
        var address = services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
    }

    private sealed class ApiFactory(string catalog) : WebApplicationFactory<ApiProgram>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Catalog:Path", catalog);
            builder.UseSetting("Auth:SigningKey", SigningKey);
            builder.UseSetting("Vectors:Store", "none");
            builder.UseSetting("Llm:ModelPath", SharedData.Path("models", "stories260K.gguf"));
            builder.UseSetting("Llm:Parallel", "2");
            builder.UseSetting("Llm:ContextSize", "8192");
            builder.UseSetting("Llm:Threads", "1");
            builder.UseSetting("Answers:Sources", "3");
            builder.UseSetting("Answers:MaxSourceCharacters", "200");
            builder.UseSetting("Answers:MaxAnswerTokens", "48");
            builder.UseSetting("Answers:ConstrainCitations", "true");
            builder.UseSetting("RateLimits:Public:PermitLimit", "1000");
            builder.UseSetting("RateLimits:User:PermitLimit", "1000");
            foreach (var role in new[] { "Deputy", "Expert", "Moderator", "Admin" })
            {
                builder.UseSetting($"RateLimits:Chat:{role}:TokenLimit", "1000");
                builder.UseSetting($"RateLimits:Forecasts:{role}:TokenLimit", "1000");
            }

            // Every visitor of the tests comes from 127.0.0.1, and the screenshots seed a discussion at once.
            builder.UseSetting("RateLimits:Questions:PermitLimit", "1000");
            builder.UseSetting("RateLimits:Comments:PermitLimit", "1000");
            builder.UseSetting("Discussion:QuestionsPerDraftPerMinute", "1000");
            builder.UseSetting("Discussion:CommentsPerDraftPerMinute", "1000");

            // The tiny model's topic names are noise: pages and screenshots show key terms, as without a model.
            builder.UseSetting("Discussion:NamedTopics", "0");
        }
    }

    private sealed class WebFactory(Uri apiUrl, string folder) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Web:ApiUrl", apiUrl.ToString());
            builder.UseSetting("Web:KeysPath", Path.Combine(folder, "keys"));
            builder.UseSetting("Accounts:Path", Path.Combine(folder, "accounts.db"));
            builder.UseSetting("Auth:SigningKey", SigningKey);
        }
    }
}
