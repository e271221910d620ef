using System.Collections;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Resources;
using System.Text.Json;
using System.Text.RegularExpressions;
using Assistant.Api.Tests.Security;
using Assistant.Core.Access;

namespace Assistant.Api.Tests.Hosting;

/// <summary>Problems are titled and worded in Russian or Kazakh when Accept-Language asks, in English otherwise.</summary>
public sealed partial class ProblemLanguageTests : IDisposable
{
    private readonly SecuredApi api = new();

    [Theory]
    [InlineData(null, "Not found", "No draft has the id 'nope'.")]
    [InlineData("ru", "Не найдено", "Нет проекта с идентификатором 'nope'.")]
    [InlineData("kk", "Табылмады", "'nope' идентификаторлы жоба жоқ.")]
    [InlineData("kk-KZ,kk;q=0.9,ru;q=0.8", "Табылмады", "'nope' идентификаторлы жоба жоқ.")]
    [InlineData("de-DE", "Not found", "No draft has the id 'nope'.")]
    public async Task A_missing_draft_is_told_in_the_language_asked_for(string? language, string title, string detail)
    {
        using var client = api.Client(api.Token(AccessRole.Expert));

        var problem = await GetProblemAsync(client, "/v1/drafts/nope", language, HttpStatusCode.NotFound);

        Assert.Equal((title, detail), (problem.GetProperty("title").GetString(), problem.GetProperty("detail").GetString()));
    }

    [Theory]
    [InlineData(null, "Invalid request", "The body is not valid JSON: it breaks at $ (line 1, byte 2).")]
    [InlineData("ru", "Неверный запрос", "Тело запроса — некорректный JSON: ошибка в $ (строка 1, байт 2).")]
    [InlineData("kk", "Қате сұрау", "Сұрау денесі — жарамсыз JSON: қате $ орнында (жол 1, байт 2).")]
    public async Task A_body_that_is_not_json_is_told_in_the_language_asked_for(string? language, string title, string detail)
    {
        using var client = api.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/v1/search", UriKind.Relative))
        {
            Content = new StringContent("{]", System.Text.Encoding.UTF8, "application/json"),
        };
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        using var response = await client.SendAsync(request);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal((title, detail), (problem.GetProperty("title").GetString(), problem.GetProperty("detail").GetString()));
    }

    [Theory]
    [InlineData(null, "Unauthorized", "This endpoint needs an access token")]
    [InlineData("ru", "Требуется авторизация", "Для этого адреса нужен токен доступа")]
    [InlineData("kk", "Авторизация қажет", "Бұл мекенжайға кіру токені қажет")]
    public async Task A_call_without_a_token_is_told_in_the_language_asked_for(string? language, string title, string detail)
    {
        using var client = api.Client();

        var problem = await GetProblemAsync(client, "/v1/auth/whoami", language, HttpStatusCode.Unauthorized);

        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.StartsWith(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_role_is_told_in_kazakh_naming_the_roles()
    {
        using var client = api.Client(api.Token(AccessRole.Deputy));

        var problem = await GetProblemAsync(client, "/v1/audit", "kk", HttpStatusCode.Forbidden);

        Assert.Equal("Кіруге тыйым салынған", problem.GetProperty("title").GetString());
        Assert.Equal("Бұл мекенжайға admin рөлі қажет; сіздің токеніңізде — deputy.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_address_no_endpoint_answers_is_titled_in_russian()
    {
        using var client = api.Client();

        var problem = await GetProblemAsync(client, "/v1/nothing-here", "ru", HttpStatusCode.NotFound);

        Assert.Equal("Не найдено", problem.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("ru")]
    [InlineData("kk")]
    public void Every_translation_keeps_the_placeholders_of_its_english_text_and_both_languages_have_the_same_texts(string language)
    {
        var manager = new ResourceManager("Assistant.Api.Resources.ProblemTexts", typeof(Program).Assembly);
        var translations = Entries(manager, language);
        var other = Entries(manager, language == "ru" ? "kk" : "ru");

        Assert.True(translations.Count > 50, $"only {translations.Count} texts in {language}");
        Assert.Equal(translations.Keys.Order(StringComparer.Ordinal), other.Keys.Order(StringComparer.Ordinal));
        Assert.All(translations, pair => Assert.Equal(Placeholders(pair.Key), Placeholders(pair.Value)));
    }

    public void Dispose() => api.Dispose();

    private static async Task<JsonElement> GetProblemAsync(HttpClient client, string path, string? language, HttpStatusCode status)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        using var response = await client.SendAsync(request);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static Dictionary<string, string> Entries(ResourceManager manager, string language) =>
        manager.GetResourceSet(CultureInfo.GetCultureInfo(language), createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string)e.Value!);

    private static List<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex Placeholder();
}
