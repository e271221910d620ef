using Assistant.Core.Acts;
using Assistant.Core.Editions;
using Assistant.Core.Norms;
using Assistant.Storage.Catalog;

namespace Assistant.Storage.Tests.Catalog;

public sealed class EditionIdentityTests : IDisposable
{
    private const string Law = "Z1600000480";
    private readonly TemporaryCatalog _temporary = new();

    private LegalCatalog Catalog => _temporary.Catalog;

    [Fact]
    public void A_bulk_record_of_an_adilet_act_becomes_its_older_edition_and_only_the_newest_is_current()
    {
        Catalog.SaveAct(LawOnLegalActs(Law, "2026-01-12", "source/Z1600000480.ru.txt", "Научная правовая экспертиза проводится по проектам законов."));
        Catalog.SaveAct(LawOnLegalActs("ru2024-140", "2023-04-19", "ru-acts-2024-00.jsonl.gz#ru2024-140", "Научная экспертиза проводится по проектам."));

        var result = Catalog.ResolveEditions();

        var match = Assert.Single(result.Report.Matches);
        Assert.Equal((Law, IdentityRule.Title), (match.ActId, match.Rule));
        Assert.Equal(1, result.Renamed);
        Assert.Equal(["2023-04-19", "2026-01-12"], Catalog.ListEditions(Law, Language.Ru));
        var older = Catalog.GetNorm(new NormId(Law, "31"), edition: "2023-04-19")!;
        Assert.False(older.IsCurrentEdition);
        Assert.True(Catalog.GetNorm(new NormId(Law, "31"))!.IsCurrentEdition);
        Assert.All(Catalog.Search(new SearchQuery("научная экспертиза проектов")), hit => Assert.Contains("законов", hit.Snippet, StringComparison.Ordinal));
    }

    [Fact]
    public void The_source_record_id_of_a_matched_edition_still_names_that_edition()
    {
        Catalog.SaveAct(LawOnLegalActs(Law, "2026-01-12", "source/Z1600000480.ru.txt", "Новая редакция."));
        Catalog.SaveAct(LawOnLegalActs("ru2024-140", "2023-04-19", "ru-acts-2024-00.jsonl.gz#ru2024-140", "Старая редакция."));
        Catalog.ResolveEditions();

        var byRecord = Catalog.Read(Law, Language.Ru, "ru2024-140")!;
        var byRecordAsAct = Catalog.Read("ru2024-140", Language.Ru)!;
        var byDate = Catalog.Read(Law, Language.Ru, "2024-03")!;
        var current = Catalog.Read(Law, Language.Ru)!;

        Assert.Equal(("2023-04-19", false, "Старая редакция."), (byRecord.Edition, byRecord.IsCurrent, byRecord.Norms[0].Text));
        Assert.Equal((Law, "2023-04-19"), (byRecordAsAct.ActId, byRecordAsAct.Edition));
        Assert.Equal("2023-04-19", byDate.Edition);
        Assert.Equal(("2026-01-12", true), (current.Edition, current.IsCurrent));
        Assert.Equal(new NormId(Law, "31"), current.Norms[0].Id);
        Assert.Null(Catalog.Read(Law, Language.Ru, "2010-01-01"));
    }

    [Fact]
    public void A_duplicate_record_is_dropped_and_its_id_names_the_kept_edition()
    {
        Catalog.SaveAct(LawOnLegalActs("ru-ex-000602", null, "ru-acts-other-01.jsonl.gz#ru-ex-000602", "Банк - юридическое лицо."));
        Catalog.SaveAct(LawOnLegalActs("ru-ex-94f79de8_О банках", null, "ru-acts-other-00.jsonl.gz#ru-ex-94f79de8_О банках", "Банк - юридическое лицо."));

        var result = Catalog.ResolveEditions();

        Assert.Equal(1, result.Dropped);
        Assert.Equal(IdentityRule.DuplicateText, Assert.Single(result.Report.Matches).Rule);
        Assert.Single(Catalog.Search(new SearchQuery("юридическое лицо")));
        Assert.Equal("ru-ex-000602", Catalog.Read("ru-ex-94f79de8_О банках", Language.Ru)!.ActId);
    }

    [Fact]
    public void A_search_as_of_a_date_finds_the_edition_in_force_then_and_its_citation_names_the_edition()
    {
        Catalog.SaveAct(LawOnLegalActs(Law, "2026-01-12", "source/Z1600000480.ru.txt", "Научная правовая экспертиза проводится по проектам законов."));
        Catalog.SaveAct(LawOnLegalActs("ru2024-140", "2023-04-19", "ru-acts-2024-00.jsonl.gz#ru2024-140", "Научная экспертиза проводится по проектам."));
        Catalog.ResolveEditions();

        var then = Assert.Single(Catalog.Search(new SearchQuery("научная экспертиза") { AsOf = new DateOnly(2024, 6, 1) }));
        var now = Assert.Single(Catalog.Search(new SearchQuery("научная экспертиза")));
        var before = Catalog.Search(new SearchQuery("научная экспертиза") { AsOf = new DateOnly(2020, 1, 1) });

        Assert.Equal(("2023-04-19", "Научная экспертиза проводится по проектам."), (then.Edition, then.Snippet));
        Assert.EndsWith("(ред. 2023-04-19)", then.Citation, StringComparison.Ordinal);
        Assert.Null(now.Edition);
        Assert.DoesNotContain("ред.", now.Citation, StringComparison.Ordinal);
        Assert.Empty(before);
        Assert.Equal("2023-04-19", Catalog.GetNorm(new NormId(Law, "31"), edition: "2024-06-01")!.Edition);
    }

    public void Dispose() => _temporary.Dispose();

    private static Act LawOnLegalActs(string id, string? edition, string source, string text) => new()
    {
        Id = id,
        Language = Language.Ru,
        Title = id == Law ? "О правовых актах" : id.StartsWith("ru2024", StringComparison.Ordinal) ? "О правовых актах" : "О банках и банковской деятельности",
        Kind = id == Law ? ActKind.Law : ActKind.Unknown,
        Edition = edition,
        Source = source,
        Norms = [TestActs.Article(id, "31", "Научная экспертиза", text)],
    };
}
