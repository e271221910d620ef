using Assistant.Core.Acts;
using Assistant.Core.Findings;
using Assistant.Core.Norms;
using Assistant.Storage.Findings;
using Assistant.Storage.Tests.Catalog;
using Microsoft.Extensions.Logging.Abstractions;

namespace Assistant.Storage.Tests.Findings;

/// <summary>Broken references over a small catalog: a law citing a repealed act, a code's articles that are, were and never were.</summary>
public sealed class BrokenReferenceDetectorTests : IDisposable
{
    private const string Law = "Z2000000001";
    private const string Code = "K2000000002";
    private const string Repealed = "Z1000000003";

    private readonly TemporaryCatalog _catalog = new();

    public BrokenReferenceDetectorTests()
    {
        _catalog.Catalog.SaveAct(TestActs.Act(Code,
        [
            TestActs.Article(Code, "1", "Цели", "Кодекс регулирует отношения."),
            TestActs.Article(Code, "2", "Исключена", "Исключена.") with { Status = NormStatus.Excluded },
            TestActs.Article(Code, "50", "Прежняя", "Статья прежней редакции."),
        ], edition: "2020-01-01", title: "Кодекс о тестах"));
        _catalog.Catalog.SaveAct(TestActs.Act(Code,
        [
            TestActs.Article(Code, "1", "Цели", "Кодекс регулирует отношения."),
            TestActs.Article(Code, "2", "Исключена", "Исключена.") with { Status = NormStatus.Excluded },
            TestActs.Article(Code, "120", "Вступление в силу", "Кодекс вводится в действие."),
        ], edition: "2024-01-01", title: "Кодекс о тестах"));
        _catalog.Catalog.SaveAct(TestActs.Act(Repealed, [TestActs.Article(Repealed, "1", "Старое", "Старая норма.")], kind: ActKind.Law, status: ActStatus.Repealed, title: "О старом"));
    }

    public void Dispose() => _catalog.Dispose();

    [Fact]
    public async Task A_reference_to_a_repealed_act_is_broken()
    {
        var finding = Assert.Single(await DetectAsync(Cite("в порядке, предусмотренном Законом «О старом»", Repealed, null)));

        Assert.Equal(FindingKind.BrokenReference, finding.Kind);
        Assert.Equal(Law + "/art:1/p:1", finding.Norm);
        Assert.Equal(Repealed, finding.OtherNorm);
        Assert.Contains("утратил", finding.Differs, StringComparison.Ordinal);
        Assert.Contains("утративший силу", finding.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reference_to_an_article_the_current_edition_lacks_is_broken()
    {
        var finding = Assert.Single(await DetectAsync(Cite("статьей 99 Кодекса", Code, "99")));

        Assert.Equal(Code + "/art:99", finding.OtherNorm);
        Assert.Contains("статью, которой нет", finding.Reason, StringComparison.Ordinal);
        Assert.Contains("1, 2, 120", finding.OtherText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1-1")]
    [InlineData("121")]
    public async Task A_missing_inserted_article_beside_its_base_or_one_past_the_acts_numbers_is_not_judged(string article)
    {
        // The catalog's text may lack it: inserted articles left out of a bulk record, a code held as two parts.
        Assert.Empty(await DetectAsync(Cite($"статьей {article} Кодекса", Code, article)));
    }

    [Fact]
    public async Task A_reference_to_an_article_only_an_older_edition_has_is_the_older_numbering()
    {
        var finding = Assert.Single(await DetectAsync(Cite("статьей 50 Кодекса", Code, "50")));

        Assert.Contains("прежней нумерации", finding.Reason, StringComparison.Ordinal);
        Assert.Contains("2020-01-01", finding.Differs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reference_to_an_excluded_article_is_broken()
    {
        var finding = Assert.Single(await DetectAsync(Cite("статьей 2 Кодекса", Code, "2")));

        Assert.Contains("исключённую", finding.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reference_to_an_article_in_force_is_not_broken()
    {
        Assert.Empty(await DetectAsync(Cite("статьей 1 Кодекса", Code, "1")));
    }

    [Fact]
    public async Task An_unresolved_reference_is_not_judged()
    {
        Assert.Empty(await DetectAsync(new CrossReference("статьей 7 Закона об ином", null, null)));
    }

    [Fact]
    public async Task A_reference_of_an_amending_law_is_not_judged()
    {
        Assert.Empty(await DetectAsync(Cite("статьей 99 Кодекса", Code, "99"), title: "О внесении изменений в Кодекс о тестах"));
    }

    [Fact]
    public async Task A_norm_missing_from_an_act_read_from_a_bulk_record_is_not_judged()
    {
        const string bulk = "ru2024-001";
        _catalog.Catalog.SaveAct(TestActs.Act(bulk, [TestActs.Article(bulk, "1", "Первая", "Текст."), TestActs.Article(bulk, "3", "Третья", "Текст.")], kind: ActKind.Law, title: "О записи") with
        {
            Source = "ru-acts-2024-00.jsonl.gz#" + bulk,
        });

        Assert.Empty(await DetectAsync(Cite("статьей 2 Закона «О записи»", bulk, "2")));
    }

    private static CrossReference Cite(string words, string act, string? article) => new(words, act, article is null ? null : new NormId(act, article));

    private async Task<List<Finding>> DetectAsync(CrossReference reference, string title = "О тестовых отношениях")
    {
        var article = new NormId(Law, "1");
        _catalog.Catalog.SaveAct(TestActs.Act(Law,
        [
            TestActs.Article(Law, "1", "Отсылка", "", TestActs.Point(article, "1", $"Отношения регулируются {reference.Text}.", reference)),
        ], kind: ActKind.Law, title: title));
        var detector = new BrokenReferenceDetector(new CatalogReferenceTargets(_catalog.Catalog), NullLogger<BrokenReferenceDetector>.Instance);
        await detector.PrepareAsync(CancellationToken.None);
        var found = new List<Finding>();
        await foreach (var finding in detector.DetectAsync(Law, Language.Ru, CancellationToken.None))
        {
            found.Add(finding);
        }

        return found;
    }
}
