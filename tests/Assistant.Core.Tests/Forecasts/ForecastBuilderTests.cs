using Assistant.Core.Acts;
using Assistant.Core.Forecasts;
using Assistant.Core.Norms;
using Assistant.Core.Tests.Drafts;

namespace Assistant.Core.Tests.Forecasts;

/// <summary>The deterministic forecast over the small Labour code and a reference table given as rows.</summary>
public sealed class ForecastBuilderTests
{
    private const string EntryIntoForce = "\nСтатья 2. Настоящий Закон вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования.\n";

    private static readonly ReferenceTable References = new(
    [
        Row("Z0000000001/art:4/p:2", "статьей 1 Трудового кодекса", "K1500000414/art:1", "2. Понятия применяются в значениях, определенных статьей 1 Трудового кодекса. Иное не допускается."),
        Row("Z0000000001/art:4", "статьей 1 Трудового кодекса", "K1500000414/art:1", "1. Общая норма. 2. Понятия применяются в значениях, определенных статьей 1 Трудового кодекса. Иное не допускается."),
        Row("Z0000000001/art:7", "подпунктом 2) пункта 1 статьи 1 Трудового кодекса", "K1500000414/art:1/p:1/sp:2", "Работодателем признается лицо, указанное в подпункте 2) пункта 1 статьи 1 Трудового кодекса."),
        Row("P0000000002/p:3", "статьей 3 Трудового кодекса", "K1500000414/art:3", "3. Форма утверждается в соответствии со статьей 3 Трудового кодекса."),
        Row("Z0000000001/art:9", "статьей 2 Трудового кодекса", "K1500000414/art:2", "Задачи установлены статьей 2 Трудового кодекса."),
    ]);

    [Fact]
    public void A_changed_subpoint_has_as_dependents_the_norms_citing_it_and_its_article_each_with_the_sentence()
    {
        var forecast = Build("1) в подпункте 2) пункта 1 статьи 1 слова «лицо» заменить словами «физическое или юридическое лицо»;" + EntryIntoForce);

        var affected = Assert.Single(forecast.Affected);
        Assert.Equal(("K1500000414/art:1/p:1/sp:2", AffectedChange.Changed), (affected.Id, affected.Change));
        Assert.Equal(["Z0000000001/art:4/p:2", "Z0000000001/art:7"], forecast.Dependents.Select(d => d.From));
        Assert.Equal("2. Понятия применяются в значениях, определенных статьей 1 Трудового кодекса.", forecast.Dependents[0].Sentence);
        Assert.All(forecast.Dependents, d => Assert.Equal("K1500000414/art:1/p:1/sp:2", d.Affected));
        Assert.Empty(forecast.BrokenReferences);
        Assert.Empty(forecast.Findings);
    }

    [Fact]
    public void An_article_inserted_into_the_act_is_an_added_norm_and_its_delegation_names_it()
    {
        var forecast = Build("1) дополнить статьей 3-1 следующего содержания:\n«Статья 3-1. Заявление\nЗаявление подается по форме, утверждаемой уполномоченным органом.»;" + EntryIntoForce);

        var added = Assert.Single(forecast.Affected);
        Assert.Equal(("K1500000414/art:3-1", AffectedChange.Added), (added.Id, added.Change));
        Assert.Equal("K1500000414/art:3-1", Assert.Single(forecast.FollowUps).Norm);
    }

    [Fact]
    public void A_delegation_names_first_the_bylaws_in_force_that_refer_to_its_article_then_those_whose_title_fits()
    {
        var bylaws = new Bylaws(
        [
            new ActTitle("P0000000002", "О форме трудового договора", null, ActKind.Resolution),
            new ActTitle("V0000000003", "Об утверждении формы письменного трудового договора", null, ActKind.Order),
        ], Language.Ru);
        var text = SmallCode.RussianOpening + "1) статью 3 дополнить словами «по форме письменного трудового договора в порядке, определяемом уполномоченным органом»;" + EntryIntoForce;

        var forecast = new ForecastBuilder(SmallCode.Editions, References, null, bylaws).Build(SmallCode.Parse(text), text);

        var followUp = Assert.Single(forecast.FollowUps);
        Assert.Equal([("P0000000002", "refers"), ("V0000000003", "title")], followUp.Existing.Select(m => (m.ActId, m.Basis)));
    }

    [Fact]
    public void A_reference_to_a_repealed_article_is_a_broken_reference()
    {
        var forecast = Build("1) статью 3 исключить;" + EntryIntoForce);

        var broken = Assert.Single(forecast.BrokenReferences);
        Assert.Equal(("P0000000002/p:3", "K1500000414/art:3"), (broken.From, broken.Target));
        Assert.Empty(forecast.Dependents);
        Assert.Equal(AffectedChange.Repealed, Assert.Single(forecast.Affected).Change);
    }

    [Theory]
    [InlineData("1) в статье 3 слова «устной форме» заменить словами «электронной форме»;" + EntryIntoForce, "words-absent", 4)]
    [InlineData("1) статью 99 исключить;" + EntryIntoForce, "nonexistent-target", 4)]
    [InlineData("1) статью 1 дополнить пунктом 2 следующего содержания:\n«2. Повтор.»;" + EntryIntoForce, "inserted-number", 4)]
    [InlineData("1) статью 1 дополнить пунктом 2-2 следующего содержания:\n«2-2. Новое.»;" + EntryIntoForce, "inserted-number", 4)]
    [InlineData("1) статью 1 дополнить пунктом 4 следующего содержания:\n«4. Новое.»;" + EntryIntoForce, "inserted-number", 4)]
    [InlineData("1) статью 2 дополнить частью третьей следующего содержания:\n«Новое.»;", "entry-into-force", null)]
    [InlineData("1) статью 3 дополнить словами «, а также статьей 5 Закона Республики Казахстан «О нормативных правовых актах»»;" + EntryIntoForce, "act-not-in-force", 4)]
    public void A_draft_that_breaks_a_drafting_rule_gets_that_finding_with_its_line(string instructions, string rule, int? line)
    {
        var forecast = Build(instructions);

        var finding = Assert.Single(forecast.Findings);
        Assert.Equal((rule, line), (finding.Rule, finding.Line));
        Assert.False(string.IsNullOrWhiteSpace(finding.Message));
    }

    [Fact]
    public void Points_added_one_after_another_are_numbered_in_turn()
    {
        var forecast = Build("1) статью 1 дополнить пунктами 3 и 4 следующего содержания:\n«3. Третий.\n4. Четвертый.»;\n2) статью 1 дополнить пунктом 4-1 следующего содержания:\n«4-1. Новое.»;" + EntryIntoForce);

        Assert.DoesNotContain(forecast.Findings, f => f.Rule == "inserted-number");
    }

    [Fact]
    public void Language_versions_that_make_different_operations_are_reported_both_ways()
    {
        var russian = SmallCode.Parse(SmallCode.RussianOpening + "1) статью 3 исключить;\n2) в статье 2 слова «защита» заменить словами «охрана»;" + EntryIntoForce);
        var kazakh = SmallCode.Parse(SmallCode.KazakhOpening + "1) 3-бап алып тасталсын;\n2) 1-баптың 2-тармағы алып тасталсын;\n\n2-бап. Осы Заң алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі.\n");

        var forecast = Builder().Build(russian, SmallCode.RussianOpening + EntryIntoForce, twin: kazakh);

        var mismatches = forecast.Findings.Where(f => f.Rule == "language-mismatch").ToList();
        Assert.Equal(2, mismatches.Count);
        Assert.Contains(mismatches, f => f.Norms.Contains("K1500000414/art:2") && f.Line == 5);
        Assert.Contains(mismatches, f => f.Norms.Contains("K1500000414/art:1/p:2") && f.Line is null);
    }

    [Theory]
    [InlineData("1) статью 3 дополнить пунктом 2 следующего содержания:\n«2. Форма договора утверждается в порядке, определяемом Правительством Республики Казахстан.»;", "Правительством Республики Казахстан", "K1500000414/art:3/p:2")]
    [InlineData("1) статью 3 дополнить словами «по форме, утверждаемой уполномоченным органом по труду»;", "уполномоченным органом по труду", "K1500000414/art:3")]
    public void A_delegation_in_the_new_text_is_a_follow_up_act_of_the_norm_it_writes(string instruction, string body, string norm)
    {
        var forecast = Build(instruction + EntryIntoForce);

        var followUp = Assert.Single(forecast.FollowUps);
        Assert.Equal((body, norm), (followUp.Body, followUp.Norm));
    }

    [Fact]
    public void A_changed_definition_lists_the_norms_that_use_its_term_in_any_form()
    {
        var forecast = Build("1) подпункт 1) пункта 1 статьи 1 изложить в следующей редакции:\n«1) работник – физическое лицо, заключившее трудовой договор;»;" + EntryIntoForce);

        var term = Assert.Single(forecast.Terms);
        Assert.Equal(("работник", "K1500000414/art:1/p:1/sp:1", AffectedChange.Changed), (term.Term, term.Definition, term.Change));
        Assert.Equal(["K1500000414/art:2"], term.UsedIn);
    }

    [Fact]
    public void A_definitions_article_in_a_new_redaction_is_compared_definition_by_definition()
    {
        var forecast = Build(
            "1) статью 1 изложить в следующей редакции:\n«Статья 1. Основные понятия\n1. В настоящем Кодексе используются следующие понятия:\n"
            + "1) работник – физическое лицо, состоящее в трудовых отношениях с работодателем;\n"
            + "2) работодатель и наниматель – лицо, с которым работник состоит в трудовых отношениях;\n"
            + "3) задача – цель, установленная настоящим Кодексом.\n2. Иные понятия применяются в значениях трудового законодательства.»;"
            + EntryIntoForce);

        Assert.Equal(
            [("K1500000414/art:1/p:1/sp:2", "работодатель и наниматель", AffectedChange.Changed), ("K1500000414/art:1/p:1/sp:3", "задача", AffectedChange.Added)],
            forecast.Terms.Select(t => (t.Definition, t.Term, t.Change)));
        Assert.Equal(["K1500000414/art:2"], forecast.Terms[1].UsedIn);
    }

    [Fact]
    public void Stems_of_a_term_match_its_inflected_use()
    {
        Assert.Equal(
            Assistant.Core.Text.TextAnalyzer.Terms("значительный ущерб", Language.Ru),
            Assistant.Core.Text.TextAnalyzer.Terms("значительного ущерба", Language.Ru));
    }

    [Fact]
    public void A_term_no_longer_used_once_the_draft_applies_is_not_listed_as_used()
    {
        var forecast = Build("1) подпункт 1) пункта 1 статьи 1 исключить;\n2) в статье 2 слова «прав работников» заменить словами «трудовых прав»;" + EntryIntoForce);

        var term = Assert.Single(forecast.Terms);
        Assert.Equal(AffectedChange.Repealed, term.Change);
        Assert.Empty(term.UsedIn);
    }

    [Fact]
    public void Without_a_model_the_narrative_says_it_is_absent()
    {
        Assert.Equal(ForecastNarrative.NoModel, Build("1) статью 3 исключить;" + EntryIntoForce).Narrative.AbsentReason);
    }

    [Fact]
    public void Each_step_is_reported_as_it_begins_in_order()
    {
        var text = SmallCode.RussianOpening + "1) статью 3 исключить;" + EntryIntoForce;
        var stages = new Stages();

        Builder().Build(SmallCode.Parse(text), text, progress: stages);

        Assert.Equal([ForecastStage.Applying, ForecastStage.Dependents, ForecastStage.DraftingRules, ForecastStage.FollowUps, ForecastStage.Terms], stages.Reported);
    }

    [Fact]
    public void A_cancelled_forecast_stops_between_steps()
    {
        var text = SmallCode.RussianOpening + "1) статью 3 исключить;" + EntryIntoForce;
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.Throws<OperationCanceledException>(() => Builder().Build(SmallCode.Parse(text), text, cancellationToken: cancellation.Token));
    }

    /// <summary>Records the steps synchronously, in the order the builder reports them.</summary>
    private sealed class Stages : IProgress<ForecastStage>
    {
        public List<ForecastStage> Reported { get; } = [];

        public void Report(ForecastStage value) => Reported.Add(value);
    }

    private static Forecast Build(string instructions)
    {
        var text = SmallCode.RussianOpening + instructions;
        return Builder().Build(SmallCode.Parse(text), text);
    }

    private static ForecastBuilder Builder() => new(
        SmallCode.Editions,
        References,
        new ActTitleIndex([new ActTitle("Z980000213_", "О нормативных правовых актах", new DateOnly(1998, 3, 24), ActKind.Law)]));

    private static ReferringNorm Row(string from, string reference, string target, string text) =>
        new(NormId.Parse(from), "Закон РК «О примере»", reference, NormId.Parse(target), text);

    /// <summary>The catalog's reference table, as rows; one repealed act.</summary>
    private sealed class ReferenceTable(IReadOnlyList<ReferringNorm> rows) : IReferenceGraph
    {
        public IReadOnlyList<ReferringNorm> ReferencesTo(IReadOnlyCollection<NormId> targets, Language language) =>
            [.. rows.Where(r => targets.Any(t => r.Target.IsWithin(t) || t.IsWithin(r.Target)))];

        public ActStatus? StatusOf(string actId) => actId == "Z980000213_" ? ActStatus.Repealed : ActStatus.InForce;
    }
}
