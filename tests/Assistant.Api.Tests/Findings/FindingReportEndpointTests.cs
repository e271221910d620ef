using System.Net;
using System.Text.Json;
using Assistant.Api.Tests.Hosting;
using Assistant.Core.Access;
using Assistant.Core.Acts;
using Assistant.Core.Findings;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Api.Tests.Findings;

/// <summary>GET /v1/findings/report over an empty catalog and a store holding one gap.</summary>
public sealed class FindingReportEndpointTests : IDisposable
{
    private static readonly Uri Report = new("/v1/findings/report", UriKind.Relative);

    private static readonly Finding Gap = new(
        "gap-0123456789abcdef", FindingKind.Gap, Language.Ru, "Z2000000001/art:7/p:1", null,
        "Субсидии предоставляются в порядке, определяемом уполномоченным органом.", null,
        "делегирует: «в порядке, определяемом уполномоченным органом»", "Нет подзаконного акта.", 1, FindingPriority.Medium, 0);

    private readonly string _folder = Directory.CreateTempSubdirectory("raglegal-api-").FullName;
    private readonly WebApplicationFactory<Program> _root = new();
    private readonly WebApplicationFactory<Program> _factory;

    public FindingReportEndpointTests()
    {
        var stored = new StoredFinding(Gap, FindingReview.Unreviewed, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow);
        _factory = _root.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Catalog:Path", Path.Combine(_folder, "catalog.db")).UseSetting("Auth:SigningKey", ApiHost.SigningKeyText);
            foreach (var (key, value) in ApiHost.Unthrottled)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureTestServices(services => services.AddSingleton<IFindingStore>(new InMemoryFindingStore([stored])));
        });
    }

    public void Dispose()
    {
        _factory.Dispose();
        _root.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task The_report_without_a_token_is_401()
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync(Report);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_report_for_a_deputy_is_403()
    {
        using var client = Client(AccessRole.Deputy);

        using var response = await client.GetAsync(Report);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task The_report_for_an_expert_is_json_counting_the_stored_gap()
    {
        using var client = Client(AccessRole.Expert);

        using var response = await client.GetAsync(Report);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var gaps = json.RootElement.GetProperty("counts").EnumerateArray().Single(c => c.GetProperty("kind").GetString() == "gap");
        Assert.Equal(1, gaps.GetProperty("medium").GetInt32());
    }

    [Fact]
    public async Task The_report_as_docx_is_a_word_package_with_the_gap()
    {
        using var client = Client(AccessRole.Admin);

        using var response = await client.GetAsync(new Uri("/v1/findings/report?format=docx", UriKind.Relative));
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = WordprocessingDocument.Open(stream, false);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Gap.Text, document.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_format_is_400_naming_the_formats_served()
    {
        using var client = Client(AccessRole.Expert);

        using var response = await client.GetAsync(new Uri("/v1/findings/report?format=pdf", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("docx", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private HttpClient Client(AccessRole role)
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", ApiHost.Token(role, "Асель"));
        return client;
    }
}
