using Assistant.Core.Acts;
using Assistant.Core.Norms;
using Assistant.Storage.Catalog;
using Microsoft.Data.Sqlite;

namespace Assistant.Storage.Tests.Catalog;

public sealed class SaveActTests : IDisposable
{
    private readonly TemporaryCatalog _temporary = new();

    private LegalCatalog Catalog => _temporary.Catalog;

    public void Dispose() => _temporary.Dispose();

    [Fact]
    public void SaveAct_counts_norms_with_their_parts_and_references()
    {
        var result = Catalog.SaveAct(TestActs.CriminalCodeRu());

        Assert.Equal(new ActSaveResult(TestActs.CriminalCode, Language.Ru, null, true, 6, 1, 1), result);
    }

    [Fact]
    public void Saving_the_same_act_twice_stores_it_once()
    {
        var first = Catalog.SaveAct(TestActs.CriminalCodeRu());
        var firstStats = Catalog.GetStats();

        var second = Catalog.SaveAct(TestActs.CriminalCodeRu());

        Assert.Equal(first, second);
        Assert.Equal(firstStats.Total, Catalog.GetStats().Total);
        Assert.Single(Catalog.Search(new SearchQuery("мошенничество")));
    }

    [Fact]
    public void Replacing_an_act_leaves_search_scores_as_a_fresh_save_gives_them()
    {
        Catalog.SaveAct(TestActs.LabourCodeRu());
        Catalog.SaveAct(TestActs.CriminalCodeRu());
        var fresh = Catalog.Search(new SearchQuery("кража имущества")).Select(hit => (hit.NormId, hit.Score)).ToList();

        Catalog.SaveAct(TestActs.CriminalCodeRu());
        Catalog.SaveAct(TestActs.CriminalCodeRu());
        var replaced = Catalog.Search(new SearchQuery("кража имущества")).Select(hit => (hit.NormId, hit.Score)).ToList();

        Assert.Equal(fresh, replaced);
    }

    [Fact]
    public void A_newer_edition_becomes_current_and_the_older_stays_queryable()
    {
        Catalog.SaveAct(TestActs.CriminalCodeRu("2024-03", "Кража наказывается штрафом в старой редакции."));
        var newer = Catalog.SaveAct(TestActs.CriminalCodeRu("2026-01-12", "Кража наказывается исправительными работами."));
        var undated = Catalog.SaveAct(TestActs.CriminalCodeRu(null, "Кража без даты редакции."));

        Assert.True(newer.IsCurrent);
        Assert.False(undated.IsCurrent);
        var theft = new NormId(TestActs.CriminalCode, "188");
        var current = Catalog.GetNorm(theft)!;
        Assert.Equal("2026-01-12", current.Edition);
        Assert.True(current.IsCurrentEdition);
        var old = Catalog.GetNorm(theft, edition: "2024-03")!;
        Assert.Contains("старой редакции", old.Text, StringComparison.Ordinal);
        Assert.False(old.IsCurrentEdition);

        Assert.Equal(theft, Assert.Single(Catalog.Search(new SearchQuery("исправительные работы"))).NormId);
        Assert.Empty(Catalog.Search(new SearchQuery("старой редакции")));
        Assert.Equal(theft, Assert.Single(Catalog.Search(new SearchQuery("старой редакции") { Edition = "2024-03" })).NormId);

        var act = Catalog.GetAct(TestActs.CriminalCode)!;
        Assert.Equal("2026-01-12", act.Edition);
        Assert.Equal([null, "2024-03", "2026-01-12"], act.Editions);
        Assert.Equal(3, Catalog.ListActs(new ActFilter { AllEditions = true }).Count);
    }

    [Fact]
    public void A_failing_save_keeps_the_previous_version_of_the_act()
    {
        Catalog.SaveAct(TestActs.CriminalCodeRu());
        var before = Catalog.GetStats();
        var duplicate = TestActs.Article(TestActs.CriminalCode, "188", "Кража дважды", "Повтор статьи с тем же номером.");
        var broken = TestActs.CriminalCodeRu() with { Norms = [.. TestActs.CriminalCodeRu().Norms, duplicate] };

        Assert.Throws<SqliteException>(() => Catalog.SaveAct(broken));

        Assert.Equal(before.Total, Catalog.GetStats().Total);
        Assert.Equal("Кража", Catalog.GetNorm(new NormId(TestActs.CriminalCode, "188"))!.Heading);
        Assert.Single(Catalog.Search(new SearchQuery("мошенничество")));
        Assert.Empty(Catalog.Search(new SearchQuery("повтор")));
    }

    [Fact]
    public void A_norm_of_another_act_is_rejected_and_nothing_is_stored()
    {
        var foreign = TestActs.Article(TestActs.LabourCode, "1", "Чужая статья", "Текст.");
        var act = TestActs.Act(TestActs.CriminalCode, [foreign]);

        Assert.Throws<InvalidDataException>(() => Catalog.SaveAct(act));

        Assert.Empty(Catalog.ListActs());
    }

    [Fact]
    public void An_act_id_with_spaces_from_a_bulk_record_is_stored_and_read_back()
    {
        const string id = "ru-ex-8025112c_ О практике применения";
        var article = TestActs.Article(id, "3", "Практика", "Суды применяют законодательство о практике единообразно.",
            TestActs.Point(new NormId(id, "3"), "1", "Суды применяют законодательство единообразно."));
        Catalog.SaveAct(TestActs.Act(id, [article], kind: ActKind.Resolution, title: "О практике применения"));

        var hit = Assert.Single(Catalog.Search(new SearchQuery("единообразно")));

        Assert.Equal(id, hit.NormId.ActId);
        Assert.Equal(new NormId(id, "3", "1"), Assert.Single(Catalog.GetNorm(hit.NormId)!.Parts).Id);
    }

    [Fact]
    public void Stats_count_acts_editions_norms_and_references_by_language()
    {
        Catalog.SaveAct(TestActs.CriminalCodeRu("2024-03"));
        Catalog.SaveAct(TestActs.CriminalCodeRu("2025-01"));
        Catalog.SaveAct(TestActs.CriminalCodeKk());
        Catalog.SaveAct(TestActs.LabourCodeRu());

        var stats = Catalog.GetStats();

        Assert.Equal(new LanguageStats(2, 3, 5, 8, 1, 1), stats.ByLanguage[Language.Ru]);
        Assert.Equal(new LanguageStats(1, 1, 1, 1, 0, 0), stats.ByLanguage[Language.Kk]);
        Assert.Equal(new LanguageStats(3, 4, 6, 9, 1, 1), stats.Total);
    }

    [Fact]
    public void ListActs_filters_by_language_kind_status_and_title()
    {
        Catalog.SaveAct(TestActs.CriminalCodeRu());
        Catalog.SaveAct(TestActs.CriminalCodeKk());
        Catalog.SaveAct(TestActs.LabourCodeRu(ActStatus.Repealed));

        Assert.Single(Catalog.ListActs(new ActFilter { Language = Language.Kk }));
        Assert.Equal(3, Catalog.ListActs(new ActFilter { Kind = ActKind.Code }).Count);
        Assert.Equal(TestActs.LabourCode, Assert.Single(Catalog.ListActs(new ActFilter { Status = ActStatus.Repealed })).Id);
        Assert.Equal(TestActs.LabourCode, Assert.Single(Catalog.ListActs(new ActFilter { TitleContains = "трудовой" })).Id);
        Assert.Equal(Language.Kk, Catalog.GetAct(TestActs.CriminalCode, Language.Kk)!.Language);
        Assert.Equal(Language.Ru, Catalog.GetAct(TestActs.CriminalCode)!.Language);
        Assert.Null(Catalog.GetAct("NOPE"));
    }
}
