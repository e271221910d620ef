using System.Net.Http.Json;
using System.Text.Json;
using Assistant.Api.Tests.Hosting;
using Assistant.Core.Access;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Assistant.Api.Tests.Discussion;

/// <summary>An API host whose clock the test moves, and the steps every discussion test starts with: submit a draft, publish it.</summary>
internal sealed class DiscussionSetup : IDisposable
{
    /// <summary>Amends the Labour Code's article 189 (the time an accident investigation may take), present in the test catalog.</summary>
    public const string Draft = """
        О внесении изменений в Трудовой кодекс Республики Казахстан по вопросам расследования несчастных случаев

        Статья 1. Внести в Трудовой кодекс Республики Казахстан от 23 ноября 2015 года следующие изменения:
        1) в пункте 1 статьи 189 слова «не должен превышать десять рабочих дней» заменить словами «не должен превышать пятнадцать рабочих дней»;
        2) в пункте 8 статьи 189 слова «в пятидневный срок» заменить словами «в трехдневный срок»;

        Статья 2. Настоящий Закон вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования.
        """;

    private readonly ApiHost _host;
    private readonly WebApplicationFactory<Program> _factory;

    public DiscussionSetup(TestCatalog catalog, IReadOnlyDictionary<string, string?>? settings = null)
    {
        _host = new ApiHost(catalog.Copy(), settings ?? new Dictionary<string, string?>());
        _factory = _host.WithWebHostBuilder(builder => builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock)));
    }

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>A visitor without a token, known to the API by this visitor id.</summary>
    public HttpClient Visitor(string visitorId = "visitor-0001")
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-RagLegal-Visitor", visitorId);
        return client;
    }

    public HttpClient As(AccessRole role, string name = "aida.nurlanovna")
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ApiHost.Token(role, name));
        return client;
    }

    /// <summary>Submits <see cref="Draft"/> as an expert; published for a week unless <paramref name="publish"/> is false.</summary>
    public async Task<string> DraftAsync(bool publish = true, string text = Draft)
    {
        using var expert = As(AccessRole.Expert, "expert.aigerim");
        using var created = await expert.PostAsJsonAsync(new Uri("/v1/drafts", UriKind.Relative), new { text });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        if (publish)
        {
            using var published = await expert.PostAsJsonAsync(new Uri($"/v1/drafts/{id}/publication", UriKind.Relative), new { closesAt = Clock.GetUtcNow().AddDays(7) });
            published.EnsureSuccessStatusCode();
        }

        return id;
    }

    /// <summary>Posts a comment as a visitor and returns its id.</summary>
    public async Task<long> CommentAsync(string draftId, string text, string? article = null, string? point = null, string visitorId = "visitor-0001")
    {
        using var visitor = Visitor(visitorId);
        using var response = await visitor.PostAsJsonAsync(new Uri($"/v1/public/drafts/{draftId}/comments", UriKind.Relative), new { text, article, point });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    public async Task PublishCommentAsync(long id)
    {
        using var moderator = As(AccessRole.Moderator, "moderator.dana");
        using var response = await moderator.PostAsync(new Uri($"/v1/moderation/comments/{id}/publish", UriKind.Relative), null);
        response.EnsureSuccessStatusCode();
    }

    public void Dispose()
    {
        _factory.Dispose();
        _host.Dispose();
    }
}
