using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Assistant.Api.Tests.Hosting;
using Assistant.Core.Access;
using Assistant.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Assistant.Api.Tests.Drafts;

/// <summary>GET /v1/drafts, GET /v1/drafts/{id}/forecasts and drafts uploaded as Word documents: what the experts' workspace lists.</summary>
public sealed class DraftListingTests : IClassFixture<TestCatalog>, IDisposable
{
    private const string Draft = """
        О внесении изменений в Трудовой кодекс Республики Казахстан
        Статья 1. Внести в Трудовой кодекс Республики Казахстан от 23 ноября 2015 года следующие изменения:
        1) статью 9999 исключить;
        Статья 2. Настоящий Закон вводится в действие по истечении десяти календарных дней.
        """;

    private readonly ApiHost _host;

    public DraftListingTests(TestCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _host = new ApiHost(catalog.Copy(), new Dictionary<string, string?>());
    }

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Drafts_are_listed_newest_first_without_their_text()
    {
        using var client = _host.ClientAs(AccessRole.Expert, "expert.list");
        await client.PostAsJsonAsync(new Uri("/v1/drafts", UriKind.Relative), new { title = "Первый", text = Draft });
        await client.PostAsJsonAsync(new Uri("/v1/drafts", UriKind.Relative), new { title = "Второй", text = Draft });

        var list = await client.GetFromJsonAsync<JsonElement>(new Uri("/v1/drafts", UriKind.Relative));

        Assert.Equal(["Второй", "Первый"], list.EnumerateArray().Select(d => d.GetProperty("title").GetString()).Take(2));
        Assert.All(list.EnumerateArray(), d => Assert.False(d.TryGetProperty("text", out _)));
        Assert.Equal("expert.list", list[0].GetProperty("createdBy").GetString());
    }

    [Fact]
    public async Task A_deputy_may_not_list_drafts()
    {
        using var client = _host.ClientAs(AccessRole.Deputy);

        using var response = await client.GetAsync(new Uri("/v1/drafts", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_word_document_is_read_one_line_per_paragraph()
    {
        using var client = _host.ClientAs(AccessRole.Expert);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Docx(Draft.Split('\n'))), "file", "draft.docx" } };

        using var created = await client.PostAsync(new Uri("/v1/drafts", UriKind.Relative), form);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(["Exclude"], body.GetProperty("operations").EnumerateArray().Select(o => o.GetProperty("kind").GetString()));
        Assert.StartsWith("О внесении изменений в Трудовой кодекс", body.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0x50, 0x4B, 3, 4, 1, 2, 3 }, "draft.docx", "is a ZIP archive but not a Word document")]
    [InlineData(new byte[] { 0xD0, 0x9E, 0xFF, 0xFE }, "draft.txt", "is neither a Word document (.docx) nor UTF-8 text")]
    public async Task A_file_that_is_neither_word_nor_utf8_text_is_refused_naming_the_file(byte[] content, string name, string expected)
    {
        using var client = _host.ClientAs(AccessRole.Expert);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", name);

        using var response = await client.PostAsync(new Uri("/v1/drafts", UriKind.Relative), form);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"\"{name}\" {expected}", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [SharedFact]
    public async Task The_forecasts_of_a_draft_are_listed_newest_first_and_an_unknown_draft_is_not_found()
    {
        using var client = _host.ClientAs(AccessRole.Expert);
        var created = await client.PostAsJsonAsync(new Uri("/v1/drafts", UriKind.Relative), new { text = Draft });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var first = await (await client.PostAsync(new Uri($"/v1/drafts/{id}/forecasts", UriKind.Relative), null)).Content.ReadFromJsonAsync<JsonElement>();
        var second = await (await client.PostAsync(new Uri($"/v1/drafts/{id}/forecasts", UriKind.Relative), null)).Content.ReadFromJsonAsync<JsonElement>();

        var list = await client.GetFromJsonAsync<JsonElement>(new Uri($"/v1/drafts/{id}/forecasts", UriKind.Relative));
        using var unknown = await client.GetAsync(new Uri("/v1/drafts/no-such-draft/forecasts", UriKind.Relative));

        Assert.Equal([second.GetProperty("id").GetString(), first.GetProperty("id").GetString()], list.EnumerateArray().Select(j => j.GetProperty("id").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private static byte[] Docx(IEnumerable<string> lines)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            document.AddMainDocumentPart().Document = new Document(new Body(lines.Select(line => new Paragraph(new Run(new Text(line.Trim()))))));
        }

        return stream.ToArray();
    }
}
