using Assistant.Core.Acts;
using Assistant.Core.Findings;
using Assistant.Core.Norms;
using Assistant.Storage.Findings;
using Assistant.Storage.Tests.Catalog;
using Microsoft.Extensions.Logging.Abstractions;

namespace Assistant.Storage.Tests.Findings;

/// <summary>Gaps over a small catalog: a law delegating three bylaws, of which the catalog holds two.</summary>
public sealed class GapDetectorTests : IDisposable
{
    private const string Law = "Z2000000001";
    private const string Order = "V2100000001";
    private const string Resolution = "P2100000002";

    private readonly TemporaryCatalog _catalog = new();

    public GapDetectorTests()
    {
        var registry = new NormId(Law, "5");
        var licences = new NormId(Law, "6");
        var subsidies = new NormId(Law, "7");
        _catalog.Catalog.SaveAct(TestActs.Act(Law,
        [
            TestActs.Article(Law, "5", "Реестр", "", TestActs.Point(registry, "1", "Реестр пастбищ ведется в порядке, определяемом уполномоченным органом.")),
            TestActs.Article(Law, "6", "Лицензии", "", TestActs.Point(licences, "1", "Лицензии на промысловую охоту выдаются в порядке, определяемом Правительством Республики Казахстан.")),
            TestActs.Article(Law, "7", "Субсидии", "", TestActs.Point(subsidies, "1", "Субсидии на мелиорацию земель предоставляются в порядке, определяемом уполномоченным органом.")),
        ], kind: ActKind.Law, title: "О пастбищах"));

        // Implements art. 5 by reference only: its title shares no word with the delegating sentence.
        var basis = new NormId(Order, "1");
        _catalog.Catalog.SaveAct(TestActs.Act(Order,
        [
            TestActs.Article(Order, "1", "Основание", "", TestActs.Point(basis, "1", "Настоящие Правила разработаны в соответствии со статьей 5 Закона.", new CrossReference("статьей 5 Закона", Law, new NormId(Law, "5")))),
        ], kind: ActKind.Order, title: "Об утверждении Правил учета угодий"));

        // Implements art. 6 by title only.
        _catalog.Catalog.SaveAct(TestActs.Act(Resolution,
        [
            TestActs.Article(Resolution, "1", "Утвердить", "Утвердить прилагаемые Правила."),
        ], kind: ActKind.Resolution, title: "Об утверждении Правил выдачи лицензий на промысловую охоту"));
    }

    public void Dispose() => _catalog.Dispose();

    [Fact]
    public async Task A_delegation_a_bylaw_refers_to_is_not_a_gap()
    {
        var gaps = await DetectAsync();

        Assert.DoesNotContain(gaps, g => g.Norm.StartsWith(Law + "/art:5", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_delegation_whose_bylaw_title_fits_is_not_a_gap()
    {
        var gaps = await DetectAsync();

        Assert.DoesNotContain(gaps, g => g.Norm.StartsWith(Law + "/art:6", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_delegation_no_bylaw_implements_is_a_gap_with_its_sentence_body_and_reason()
    {
        var gaps = await DetectAsync();

        var gap = Assert.Single(gaps);
        Assert.Equal(FindingKind.Gap, gap.Kind);
        Assert.Equal(Law + "/art:7/p:1", gap.Norm);
        Assert.Null(gap.OtherNorm);
        Assert.Equal("Субсидии на мелиорацию земель предоставляются в порядке, определяемом уполномоченным органом.", gap.Text);
        Assert.Contains("уполномоченным органом", gap.Reason, StringComparison.Ordinal);
        Assert.Contains("ст. 7", gap.Reason, StringComparison.Ordinal);
        Assert.Equal(FindingIds.Of(FindingKind.Gap, gap.Norm, null, "уполномоченным органом\u001fв порядке, определяемом уполномоченным органом"), gap.Id);
    }

    [Fact]
    public async Task A_repealed_bylaw_implements_nothing()
    {
        _catalog.Catalog.SaveAct(TestActs.Act(Resolution,
        [
            TestActs.Article(Resolution, "1", "Утвердить", "Утвердить прилагаемые Правила."),
        ], kind: ActKind.Resolution, status: ActStatus.Repealed, title: "Об утверждении Правил выдачи лицензий на промысловую охоту"));

        var gaps = await DetectAsync();

        Assert.Contains(gaps, g => g.Norm == Law + "/art:6/p:1");
    }

    private async Task<List<Finding>> DetectAsync()
    {
        var detector = new GapDetector(new CatalogDelegations(_catalog.Catalog), NullLogger<GapDetector>.Instance);
        await detector.PrepareAsync(CancellationToken.None);
        var found = new List<Finding>();
        await foreach (var finding in detector.DetectAsync(Law, Language.Ru, CancellationToken.None))
        {
            found.Add(finding);
        }

        return found;
    }
}
