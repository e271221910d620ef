using Assistant.Core.Acts;
using Assistant.Core.Adilet;
using Assistant.Core.Drafts;
using Assistant.Core.Editions;

namespace Assistant.Core.Tests.Drafts;

/// <summary>A few articles of the Labour code in both languages, and the opening of a draft that amends it.</summary>
internal static class SmallCode
{
    public const string ActId = "K1500000414";

    public const string Russian = """
        Глава 1. Общие положения
        Статья 1. Основные понятия
        1. В настоящем Кодексе используются следующие понятия:
        1) работник – физическое лицо, состоящее в трудовых отношениях с работодателем;
        2) работодатель – лицо, с которым работник состоит в трудовых отношениях.
        2. Иные понятия применяются в значениях трудового законодательства.
        Статья 2. Задачи Кодекса
        Задачами настоящего Кодекса являются защита прав работников.
        Трудовые отношения регулируются настоящим Кодексом.
        Глава 2. Трудовой договор
        Статья 3. Форма договора
        Трудовой договор заключается в письменной форме.
        """;

    public const string Kazakh = """
        1-тарау. Жалпы ережелер
        1-бап. Негізгі ұғымдар
        1. Осы Кодексте мынадай ұғымдар пайдаланылады:
        1) жұмыскер – жұмыс берушімен еңбек қатынастарындағы жеке тұлға;
        2) жұмыс беруші – жұмыскер еңбек қатынастарында болатын тұлға.
        2. Өзге ұғымдар еңбек заңнамасындағы мағынасында қолданылады.
        2-бап. Кодекстің міндеттері
        Осы Кодекстің міндеттері жұмыскерлердің құқықтарын қорғау болып табылады.
        Еңбек қатынастары осы Кодекспен реттеледі.
        """;

    public const string RussianOpening = """
        О внесении изменений и дополнений в Трудовой кодекс Республики Казахстан

        Статья 1. Внести в Трудовой кодекс Республики Казахстан от 23 ноября 2015 года (Ведомости Парламента Республики Казахстан, 2015 г., № 22-IV, ст. 150) следующие изменения и дополнения:

        """;

    public const string KazakhOpening = """
        Қазақстан Республикасының Еңбек кодексіне өзгерістер мен толықтырулар енгізу туралы

        1-бап. Қазақстан Республикасының 2015 жылғы 23 қарашадағы Еңбек кодексіне мынадай өзгерістер мен толықтырулар енгізілсін:

        """;

    public static ParsedEditions Editions { get; } = new([Act(Russian, Language.Ru), Act(Kazakh, Language.Kk)]);

    public static ParsedDraft Parse(string text) => new DraftParser(new ActResolver()).Parse(text);

    public static Consolidation Apply(string opening, string instructions)
    {
        var draft = Parse(opening + instructions);
        Assert.Empty(draft.Failed);
        return Assert.Single(new DraftConsolidator(Editions).Apply(draft));
    }

    public static string After(Consolidation result, string id) =>
        Assert.Single(result.Norms, n => n.Id == id).After;

    private static Act Act(string text, Language language) => AdiletTextParser.ParseBody(text, new Act
    {
        Id = ActId,
        Language = language,
        Title = language == Language.Ru ? "Трудовой кодекс Республики Казахстан" : "Қазақстан Республикасының Еңбек кодексі",
        Kind = ActKind.Code,
        Edition = "2026-01-01",
        Norms = [],
    });
}
