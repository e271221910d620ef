using Assistant.Core.Acts;
using Assistant.Core.Findings;
using Assistant.Storage.Findings;
using Assistant.Storage.Tests.Catalog;
using Microsoft.Extensions.Logging.Abstractions;

namespace Assistant.Storage.Tests.Findings;

/// <summary>The analysis over a small catalog: what it finds, how a stopped run resumes, what an ingest re-analyses.</summary>
public sealed class FindingsAnalysisTests : IDisposable
{
    private const string Code = "K0000000001";
    private const string Law = "Z0000000002";
    private const string Order = "V0000000003";
    private const string Other = "Z0000000004";

    private const string Deadline = "Работодатель обязан рассмотреть письменное заявление работника о предоставлении отпуска и сообщить ему о принятом решении в течение десяти рабочих дней со дня его получения.";
    private const string Fine = "За нарушение порядка ведения учета рабочего времени работников на работодателя налагается штраф в размере двадцати месячных расчетных показателей в порядке, установленном законом.";
    private const string Unrelated = "Местные исполнительные органы ведут реестр объектов культурного наследия местного значения и размещают его на своих интернет-ресурсах для всеобщего ознакомления граждан.";

    private readonly TemporaryCatalog _catalog = new();

    [Fact]
    public async Task A_changed_deadline_is_a_conflict_that_names_the_higher_act_and_a_verbatim_copy_is_a_duplicate()
    {
        Seed();
        using var engine = FindingEngine.Open(_catalog.FilePath, NullLoggerFactory.Instance);

        await engine.Analysis([]).RunAsync(new FindingsScope(), null, CancellationToken.None);

        var findings = await ListAsync(engine);
        var conflict = Assert.Single(findings, f => f.Kind == FindingKind.Conflict);
        Assert.Equal((Law + "/art:1", Code + "/art:1"), (conflict.Norm, conflict.OtherNorm));
        Assert.Contains("тридцати", conflict.Differs, StringComparison.Ordinal);
        Assert.Contains("Приоритет у " + Code + "/art:1", conflict.Reason, StringComparison.Ordinal);
        Assert.Equal(FindingPriority.High, conflict.Priority);
        var duplicate = Assert.Single(findings, f => f.Kind == FindingKind.Duplicate);
        Assert.Equal((Order + "/art:1", Code + "/art:2", "тексты совпадают дословно"), (duplicate.Norm, duplicate.OtherNorm, duplicate.Differs));
    }

    [Fact]
    public async Task A_run_stopped_after_one_act_resumes_at_the_next_and_ends_as_an_uninterrupted_run()
    {
        Seed();
        using var engine = FindingEngine.Open(_catalog.FilePath, NullLoggerFactory.Instance);
        using var stop = new CancellationTokenSource();
        var first = engine.Analysis([]).RunAsync(new FindingsScope(), new Synchronous(_ => stop.Cancel()), stop.Token);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);

        var resumed = await engine.Analysis([]).RunAsync(new FindingsScope(), null, CancellationToken.None);
        var afterResume = await ListAsync(engine);
        var again = await engine.Analysis([]).RunAsync(new FindingsScope(Everything: true), null, CancellationToken.None);

        Assert.Equal(again.Planned - 1, resumed.Planned);
        Assert.Equal(afterResume.Select(f => f.Id).Order(StringComparer.Ordinal), (await ListAsync(engine)).Select(f => f.Id).Order(StringComparer.Ordinal));
        Assert.Equal(2, afterResume.Count);
    }

    [Fact]
    public async Task After_an_act_changes_only_it_and_the_acts_paired_with_it_are_analysed_again_and_the_gone_conflict_leaves_the_list()
    {
        Seed();
        using var engine = FindingEngine.Open(_catalog.FilePath, NullLoggerFactory.Instance);
        await engine.Analysis([]).RunAsync(new FindingsScope(), null, CancellationToken.None);
        var unchanged = await engine.Analysis([]).RunAsync(new FindingsScope(), null, CancellationToken.None);

        _catalog.Catalog.SaveAct(TestActs.Act(Code, [TestActs.Article(Code, "1", "Отпуск", Deadline.Replace("десяти", "тридцати", StringComparison.Ordinal)), TestActs.Article(Code, "2", "Учет", Fine)], edition: "2025-01-01"));
        var changed = await engine.Analysis([]).RunAsync(new FindingsScope(Kinds: new HashSet<FindingKind> { FindingKind.Conflict }), null, CancellationToken.None);

        Assert.Equal(0, unchanged.Planned);
        Assert.Equal(3, changed.Planned);
        Assert.Equal(1, changed.Gone);
        Assert.DoesNotContain(await ListAsync(engine), f => f.Kind == FindingKind.Conflict);
    }

    public void Dispose() => _catalog.Dispose();

    private void Seed()
    {
        _catalog.Catalog.SaveAct(TestActs.Act(Code, [TestActs.Article(Code, "1", "Отпуск", Deadline), TestActs.Article(Code, "2", "Учет", Fine)], title: "Трудовой кодекс Республики Казахстан"));
        _catalog.Catalog.SaveAct(TestActs.Act(Law, [TestActs.Article(Law, "1", "Отпуск", Deadline.Replace("десяти", "тридцати", StringComparison.Ordinal))], kind: ActKind.Law, title: "О занятости"));
        _catalog.Catalog.SaveAct(TestActs.Act(Order, [TestActs.Article(Order, "1", "Учет", Fine)], kind: ActKind.Order, title: "Об утверждении правил учета"));
        _catalog.Catalog.SaveAct(TestActs.Act(Other, [TestActs.Article(Other, "1", "Реестр", Unrelated)], kind: ActKind.Law, title: "О культуре"));
    }

    private static async Task<List<Finding>> ListAsync(FindingEngine engine)
    {
        var findings = new List<Finding>();
        await foreach (var stored in engine.Store.ListAsync(new FindingFilter(Limit: 1_000), CancellationToken.None))
        {
            findings.Add(stored.Finding);
        }

        return findings;
    }

    /// <summary>Reports on the caller's thread, unlike <see cref="Progress{T}"/>, so the run stops right after the act reported.</summary>
    private sealed class Synchronous(Action<FindingsProgress> report) : IProgress<FindingsProgress>
    {
        public void Report(FindingsProgress value) => report(value);
    }
}
