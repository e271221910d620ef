using Assistant.Core.Acts;
using Assistant.Core.Forecasts;
using Assistant.Core.Norms;
using Assistant.Core.Tests.Drafts;

namespace Assistant.Core.Tests.Forecasts;

/// <summary>Possible conflicts and duplication of a draft's new text of the small Labour code with norms of other acts.</summary>
public sealed class ConflictFinderTests
{
    private const string NewForm = """
        1) статью 3 изложить в следующей редакции:
        «Статья 3. Форма договора
        Трудовой договор заключается в письменной форме в течение пяти рабочих дней со дня фактического допуска работника к работе.»;

        Статья 2. Настоящий Закон вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования.
        """;

    private static readonly NeighbourNorm OrderWithOtherDeadline = Neighbour(
        "V2500000001/p:4", ActKind.Order, "4. Трудовой договор заключается в письменной форме в течение десяти рабочих дней со дня фактического допуска работника к работе.");

    [Fact]
    public async Task A_lower_act_with_another_deadline_on_the_same_subject_is_a_conflict_with_both_values_and_the_hierarchy()
    {
        var forecast = await Build(OrderWithOtherDeadline);

        var conflict = Assert.Single(forecast.Conflicts);
        Assert.Equal((ConflictKind.Conflict, ValueKind.Deadline), (conflict.Kind, conflict.Value.Kind));
        Assert.Equal(("K1500000414/art:3", "V2500000001/p:4"), (conflict.Norm, conflict.Other));
        Assert.Equal(("пяти рабочих дней", "5 working-day"), (conflict.Value.Phrase, conflict.Value.Normalized));
        Assert.Equal(("десяти рабочих дней", "10 working-day"), (conflict.OtherValue.Phrase, conflict.OtherValue.Normalized));
        Assert.Contains("пяти рабочих дней", conflict.Sentence, StringComparison.Ordinal);
        Assert.Contains("десяти рабочих дней", conflict.OtherSentence, StringComparison.Ordinal);
        Assert.Equal((ActKind.Code, ActKind.Order, HierarchyRelation.Lower), (conflict.ActKind, conflict.OtherActKind, conflict.Hierarchy));
    }

    [Fact]
    public async Task The_same_sentence_with_the_same_value_in_another_act_is_a_duplication_not_a_conflict()
    {
        var forecast = await Build(Neighbour(
            "Z2500000002/art:7", ActKind.Law, "Трудовой договор заключается в письменной форме в течение пяти рабочих дней со дня фактического допуска работника к работе."));

        var duplication = Assert.Single(forecast.Conflicts);
        Assert.Equal(ConflictKind.Duplication, duplication.Kind);
        Assert.Equal("5 working-day", duplication.OtherValue.Normalized);
        Assert.Equal(HierarchyRelation.Lower, duplication.Hierarchy);
    }

    [Fact]
    public async Task A_norm_of_another_subject_with_another_deadline_is_no_conflict()
    {
        var forecast = await Build(Neighbour(
            "Z2500000003/art:2", ActKind.Law, "Жалоба на решение налогового органа подается в вышестоящий орган в течение десяти рабочих дней со дня вручения уведомления."));

        Assert.Empty(forecast.Conflicts);
    }

    [Fact]
    public async Task A_forecast_built_without_neighbours_has_no_conflicts()
    {
        var text = SmallCode.RussianOpening + NewForm;
        var forecast = await new ForecastBuilder(SmallCode.Editions, new NoReferences()).BuildAsync(SmallCode.Parse(text), text, null, null, null, null, CancellationToken.None);

        Assert.Single(forecast.Affected);
        Assert.Empty(forecast.Conflicts);
    }

    [Theory]
    [InlineData("Работник вправе расторгнуть трудовой договор по своей инициативе до истечения срока его действия.", "Работник обязан расторгнуть трудовой договор по своей инициативе до истечения срока его действия.", "permitted", "obligatory")]
    [InlineData("Совмещение должностей руководителями государственных организаций и их заместителями допускается.", "Совмещение должностей руководителями государственных организаций и их заместителями запрещается.", "permitted", "prohibited")]
    [InlineData("Жұмыскер еңбек шартын өз бастамасы бойынша оның қолданылу мерзімі өткенге дейін бұзуға құқылы.", "Жұмыскер еңбек шартын өз бастамасы бойынша оның қолданылу мерзімі өткенге дейін бұзуға міндетті.", "permitted", "obligatory")]
    public void A_modality_turned_round_on_the_same_subject_is_a_conflict_in_either_language(string sentence, string other, string modality, string otherModality)
    {
        var language = sentence.Contains('ұ') ? Language.Kk : Language.Ru;
        var conflict = Assert.Single(ConflictFinder.Compare("K1500000414/art:9", ConflictFinder.Sentence.Of(sentence, language), Neighbour("Z2500000004/art:1", ActKind.Law, other), ActKind.Code, language));

        Assert.Equal((ConflictKind.Conflict, ValueKind.Modality), (conflict.Kind, conflict.Value.Kind));
        Assert.Equal((modality, otherModality), (conflict.Value.Unit, conflict.OtherValue.Unit));
    }

    [Fact]
    public void Values_of_one_kind_are_compared_position_by_position()
    {
        var mine = ConflictFinder.Sentence.Of("Одна сторона обязуется передать страховой организации сумму взносов, а организация обязуется выплатить получателю пенсионные выплаты пожизненно.", Language.Ru);
        var other = Neighbour("Z2500000005/art:1", ActKind.Law, "Одна сторона вправе передать страховой организации сумму взносов, а организация обязуется выплатить получателю пенсионные выплаты пожизненно.");

        var conflict = Assert.Single(ConflictFinder.Compare("K1500000414/art:9", mine, other, ActKind.Code, Language.Ru));

        Assert.Equal(("obligatory", "permitted"), (conflict.Value.Unit, conflict.OtherValue.Unit));
    }

    [Theory]
    [InlineData(ActKind.Code, ActKind.Order, HierarchyRelation.Lower)]
    [InlineData(ActKind.Resolution, ActKind.Law, HierarchyRelation.Higher)]
    [InlineData(ActKind.Code, ActKind.Constitution, HierarchyRelation.Higher)]
    [InlineData(ActKind.Law, ActKind.Law, HierarchyRelation.Same)]
    [InlineData(ActKind.Law, ActKind.Other, HierarchyRelation.Unknown)]
    public void The_other_act_is_placed_by_the_hierarchy_of_legal_acts(ActKind amended, ActKind other, HierarchyRelation relation)
    {
        Assert.Equal(relation, ActHierarchy.Relation(amended, other));
    }

    [Fact]
    public async Task The_report_shows_both_values_side_by_side_citing_both_norms()
    {
        var html = ForecastReport.Html(await Build(OrderWithOtherDeadline));

        Assert.Contains("Possible conflicts and duplication (1)", html, StringComparison.Ordinal);
        Assert.Contains("<td>пяти рабочих дней (5 working-day)</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>V2500000001/p:4 — Приказ Министра труда, п. 4</td><td>десяти рабочих дней (10 working-day)</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>K1500000414/art:3</td>", html, StringComparison.Ordinal);
        Assert.Contains("is lower than the amended one", html, StringComparison.Ordinal);
    }

    private static async Task<Forecast> Build(params NeighbourNorm[] norms)
    {
        var text = SmallCode.RussianOpening + NewForm;
        return await new ForecastBuilder(SmallCode.Editions, new NoReferences(), neighbours: new FixedNeighbours(norms))
            .BuildAsync(SmallCode.Parse(text), text, null, null, null, null, CancellationToken.None);
    }

    private static NeighbourNorm Neighbour(string id, ActKind kind, string text) => new(NormId.Parse(id), kind == ActKind.Order ? "Приказ Министра труда, п. 4" : "Закон РК «О примере», ст. 7", kind, text);

    /// <summary>The same norms for every text: what is close is decided by the finder's own overlap.</summary>
    private sealed class FixedNeighbours(IReadOnlyList<NeighbourNorm> norms) : INormNeighbours
    {
        public Task<IReadOnlyList<NeighbourNorm>> ClosestAsync(string text, Language language, string exceptActId, int top, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<NeighbourNorm>>([.. norms.Where(n => n.Id.ActId != exceptActId).Take(top)]);

        public ActKind KindOf(string actId) => actId == SmallCode.ActId ? ActKind.Code : norms.FirstOrDefault(n => n.Id.ActId == actId)?.Kind ?? ActKind.Unknown;
    }

    private sealed class NoReferences : IReferenceGraph
    {
        public IReadOnlyList<ReferringNorm> ReferencesTo(IReadOnlyCollection<NormId> targets, Language language) => [];

        public ActStatus? StatusOf(string actId) => ActStatus.InForce;
    }
}
