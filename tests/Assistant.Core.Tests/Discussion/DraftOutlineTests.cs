using Assistant.Core.Discussion;

namespace Assistant.Core.Tests.Discussion;

public sealed class DraftOutlineTests
{
    [Fact]
    public void Articles_and_their_points_are_read_up_to_the_signature()
    {
        const string text = """
            ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН
            О внесении изменений в Трудовой кодекс
            Статья 1. Внести в Трудовой кодекс следующие изменения:
            1) в статье 188:
            в пункте 5 слова «а» заменить словами «б»;
            2) в пункте 2 статьи 189 слова «в» заменить словами «г»;
            Статья 2. Настоящий Закон вводится в действие по истечении десяти календарных дней.
            Президент
            Республики Казахстан
            """;

        var outline = DraftOutline.Read(text);

        Assert.Equal(["1", "2"], outline.Select(a => a.Number));
        Assert.Equal(["1", "2"], outline[0].Points);
        Assert.Empty(outline[1].Points);
        Assert.StartsWith("Статья 2. Настоящий Закон", outline[1].Heading, StringComparison.Ordinal);
        Assert.DoesNotContain("Президент", outline[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Kazakh_articles_are_numbered_before_bap()
    {
        const string text = """
            Қазақстан Республикасының Еңбек кодексіне өзгерістер енгізу туралы
            1-бап. Қазақстан Республикасының Еңбек кодексіне мынадай өзгерістер енгізілсін:
            1) 189-баптың 1-тармағында «он» деген сөз «он бес» деген сөздермен ауыстырылсын;
            2-бап. Осы Заң алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі.
            Қазақстан Республикасының
            Президенті
            """;

        var outline = DraftOutline.Read(text);

        Assert.Equal(["1", "2"], outline.Select(a => a.Number));
        Assert.Equal(["1"], outline[0].Points);
        Assert.NotNull(DraftOutline.Find(outline, "2"));
        Assert.Null(DraftOutline.Find(outline, "3"));
    }
}
