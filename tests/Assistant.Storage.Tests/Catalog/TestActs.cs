using Assistant.Core.Acts;
using Assistant.Core.Norms;

namespace Assistant.Storage.Tests.Catalog;

/// <summary>Small hand-built acts: the catalog stores whatever the parser produces, so tests need no corpus.</summary>
internal static class TestActs
{
    public const string CriminalCode = "K1400000226";
    public const string LabourCode = "K1500000414";

    /// <summary>An article; with parts, its text is theirs, one per line, as the parser gives it.</summary>
    public static Norm Article(string actId, string number, string heading, string text, params Norm[] parts) => new()
    {
        Id = new NormId(actId, number),
        Kind = NormKind.Article,
        Number = number,
        Heading = heading,
        Text = parts.Length == 0 ? text : string.Join('\n', parts.Select(part => part.Number + ". " + part.Text)),
        Path = ["Раздел 1. Общие положения", "Глава 1. Основные положения"],
        Parts = parts,
    };

    public static Norm Point(NormId article, string number, string text, params CrossReference[] references) => new()
    {
        Id = article.WithPoint(number),
        Kind = NormKind.Point,
        Number = number,
        Text = text,
        References = references,
    };

    public static Act Act(string id, IReadOnlyList<Norm> norms, Language language = Language.Ru, string? edition = null, ActKind kind = ActKind.Code, ActStatus status = ActStatus.InForce, string? title = null) => new()
    {
        Id = id,
        Language = language,
        Title = title ?? (language == Language.Kk ? "Қазақстан Республикасының Қылмыстық кодексі" : "Уголовный кодекс Республики Казахстан"),
        Kind = kind,
        Status = status,
        Edition = edition,
        AdoptedOn = new DateOnly(2014, 7, 3),
        Number = "226-V",
        Norms = norms,
    };

    /// <summary>A Criminal Code with theft (188) and fraud (190), with a reference from 190 to 188.</summary>
    public static Act CriminalCodeRu(string? edition = null, string theftText = "Кража, то есть тайное хищение чужого имущества, наказывается штрафом.")
    {
        var theft = new NormId(CriminalCode, "188");
        var fraud = new NormId(CriminalCode, "190");
        return Act(CriminalCode, [
            Article(CriminalCode, "187", "Мелкое хищение", "Мелкое хищение чужого имущества путем кражи наказывается штрафом."),
            Article(CriminalCode, "188", "Кража", theftText,
                Point(theft, "1", theftText),
                Point(theft, "2", "Кража, совершенная группой лиц по предварительному сговору, наказывается лишением свободы.")),
            Article(CriminalCode, "190", "Мошенничество", "Мошенничество, то есть хищение чужого имущества путем обмана, наказывается штрафом.",
                Point(fraud, "1", "Мошенничество наказывается штрафом, как и деяние, предусмотренное статьей 188 настоящего Кодекса.",
                    new CrossReference("статьей 188 настоящего Кодекса", CriminalCode, theft),
                    new CrossReference("статьей 1000 неизвестного акта", null, null))),
        ], edition: edition);
    }

    public static Act CriminalCodeKk() => Act(CriminalCode, [
        Article(CriminalCode, "188", "Ұрлық", "Ұрлық, яғни бөтеннің мүлкін жасырын ұрлау, айыппұл салуға жазаланады."),
    ], Language.Kk);

    public static Act LabourCodeRu(ActStatus status = ActStatus.InForce) => Act(LabourCode, [
        Article(LabourCode, "88", "Ежегодный оплачиваемый трудовой отпуск", "Работникам предоставляется ежегодный оплачиваемый трудовой отпуск продолжительностью двадцать четыре календарных дня."),
        Article(LabourCode, "52", "Расторжение трудового договора по инициативе работодателя", "Трудовой договор может быть расторгнут работодателем в случае кражи имущества работодателя."),
    ], status: status, title: "Трудовой кодекс Республики Казахстан");
}
