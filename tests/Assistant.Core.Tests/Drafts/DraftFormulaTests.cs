using Assistant.Core.Drafts;

namespace Assistant.Core.Tests.Drafts;

/// <summary>Each official formula, Russian and Kazakh, at each level, read and applied to a small code.</summary>
public sealed class DraftFormulaTests
{
    private const string Article1 = SmallCode.ActId + "/art:1";
    private const string Article2 = SmallCode.ActId + "/art:2";
    private const string Article3 = SmallCode.ActId + "/art:3";

    [Theory]
    [InlineData("1) статью 3 изложить в следующей редакции:\n«Статья 3. Форма трудового договора\nТрудовой договор заключается в письменной форме в двух экземплярах.»;", Article3,
        "Статья 3. Форма трудового договора\nТрудовой договор заключается в письменной форме в двух экземплярах.")]
    [InlineData("1) пункт 2 статьи 1 изложить в следующей редакции:\n«2. Иные понятия применяются в значениях законодательства Республики Казахстан.»;", Article1,
        "2. Иные понятия применяются в значениях законодательства Республики Казахстан.")]
    [InlineData("1) подпункт 2) пункта 1 статьи 1 изложить в следующей редакции:\n«2) работодатель – физическое или юридическое лицо.»;", Article1,
        "1) работник – физическое лицо, состоящее в трудовых отношениях с работодателем;\n2) работодатель – физическое или юридическое лицо.\n2.")]
    [InlineData("1) часть вторую статьи 2 изложить в следующей редакции:\n«Трудовые отношения регулируются трудовым законодательством.»;", Article2,
        "защита прав работников.\nТрудовые отношения регулируются трудовым законодательством.")]
    [InlineData("1) абзац первый статьи 2 изложить в следующей редакции: «Задачей Кодекса является защита прав.»;", Article2,
        "Статья 2. Задачи Кодекса\nЗадачей Кодекса является защита прав.\nТрудовые")]
    [InlineData("1) заголовок статьи 2 изложить в следующей редакции:\n«Статья 2. Задачи трудового законодательства»;", Article2,
        "Статья 2. Задачи трудового законодательства\nЗадачами")]
    [InlineData("1) статью 1 дополнить пунктом 1-1 следующего содержания:\n«1-1. Понятия применяются единообразно.»;", Article1,
        "в трудовых отношениях.\n1-1. Понятия применяются единообразно.\n2. Иные")]
    [InlineData("1) пункт 1 статьи 1 дополнить подпунктом 1-1) следующего содержания:\n«1-1) трудовой договор – письменное соглашение;»;", Article1,
        "с работодателем;\n1-1) трудовой договор – письменное соглашение;\n2) работодатель")]
    [InlineData("1) статью 2 дополнить частью третьей следующего содержания:\n«Настоящий Кодекс действует на всей территории.»;", Article2,
        "настоящим Кодексом.\nНастоящий Кодекс действует на всей территории.")]
    [InlineData("1) подпункт 2) пункта 1 статьи 1 исключить;", Article1, "с работодателем;\n2) исключен\n2. Иные")]
    [InlineData("1) статью 3 исключить;", Article3, "Статья 3.\nИсключена")]
    [InlineData("1) часть вторую статьи 2 исключить;", Article2, "Статья 2. Задачи Кодекса\nЗадачами настоящего Кодекса являются защита прав работников.")]
    [InlineData("1) пункт 2 статьи 1 признать утратившим силу;", Article1, "в трудовых отношениях.\n2. утратил силу")]
    [InlineData("1) в подпункте 1) пункта 1 статьи 1 слова «с работодателем» заменить словами «с работодателем по трудовому договору»;", Article1,
        "в трудовых отношениях с работодателем по трудовому договору;")]
    [InlineData("1) в части первой статьи 2 слово «работников» исключить;", Article2, "являются защита прав.\nТрудовые")]
    [InlineData("1) в статье 3 после слов «в письменной форме» дополнить словами «на казахском и русском языках»;", Article3,
        "заключается в письменной форме на казахском и русском языках.")]
    [InlineData("1) пункт 2 статьи 1 дополнить словами «Республики Казахстан»;", Article1, "трудового законодательства Республики Казахстан.")]
    [InlineData("1) в заголовке статьи 2 слово «Кодекса» заменить словом «Закона»;", Article2, "Статья 2. Задачи Закона\n")]
    [InlineData("1) в статье 1:\nв пункте 1:\nподпункт 2) изложить в следующей редакции:\n«2) работодатель – лицо.»;\nпункт 2 исключить;", Article1,
        "2) работодатель – лицо.\n2. исключен")]
    public void Russian_formula_gives_the_amended_text(string instructions, string norm, string expected)
    {
        var result = SmallCode.Apply(SmallCode.RussianOpening, instructions);

        Assert.Empty(result.Failed);
        Assert.Contains(expected, SmallCode.After(result, norm), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1) 2-бап мынадай редакцияда жазылсын:\n«2-бап. Міндеттер\nМіндеттер айқындалады.»;", Article2, "2-бап. Міндеттер\nМіндеттер айқындалады.")]
    [InlineData("1) 1-баптың 2-тармағы мынадай редакцияда жазылсын:\n«2. Өзге ұғымдар қолданылады.»;", Article1, "тұлға.\n2. Өзге ұғымдар қолданылады.")]
    [InlineData("1) 1-баптың 1-тармағының 2) тармақшасы мынадай редакцияда жазылсын:\n«2) жұмыс беруші – тұлға.»;", Article1, "тұлға;\n2) жұмыс беруші – тұлға.\n2. Өзге")]
    [InlineData("1) 2-баптың екінші бөлігі мынадай редакцияда жазылсын:\n«Қатынастар реттеледі.»;", Article2, "болып табылады.\nҚатынастар реттеледі.")]
    [InlineData("1) 2-баптың бірінші абзацы мынадай редакцияда жазылсын:\n«Міндет – құқықтарды қорғау.»;", Article2, "міндеттері\nМіндет – құқықтарды қорғау.\nЕңбек")]
    [InlineData("1) 2-баптың тақырыбы мынадай редакцияда жазылсын:\n«2-бап. Еңбек заңнамасының міндеттері»;", Article2, "2-бап. Еңбек заңнамасының міндеттері\nОсы")]
    [InlineData("1) 1-бап мынадай мазмұндағы 1-1-тармақпен толықтырылсын:\n«1-1. Ұғымдар бірыңғай қолданылады.»;", Article1, "болатын тұлға.\n1-1. Ұғымдар бірыңғай қолданылады.\n2. Өзге")]
    [InlineData("1) 1-баптың 1-тармағы мынадай мазмұндағы 1-1) тармақшамен толықтырылсын:\n«1-1) еңбек шарты – жазбаша келісім;»;", Article1, "жеке тұлға;\n1-1) еңбек шарты – жазбаша келісім;\n2) жұмыс")]
    [InlineData("1) 2-бап мынадай мазмұндағы үшінші бөлікпен толықтырылсын:\n«Кодекс бүкіл аумақта қолданылады.»;", Article2, "реттеледі.\nКодекс бүкіл аумақта қолданылады.")]
    [InlineData("1) 1-баптың 1-тармағының 2) тармақшасы алып тасталсын;", Article1, "тұлға;\n2) алып тасталды\n2.")]
    [InlineData("1) 1-баптың 2-тармағы күші жойылды деп танылсын;", Article1, "\n2. күші жойылды")]
    [InlineData("1) 2-баптағы «жұмыскерлердің» деген сөз «азаматтардың» деген сөзбен ауыстырылсын;", Article2, "міндеттері азаматтардың құқықтарын")]
    [InlineData("1) 2-баптың бірінші бөлігіндегі «құқықтарын» деген сөз алып тасталсын;", Article2, "жұмыскерлердің қорғау болып")]
    [InlineData("1) 2-баптағы «құқықтарын» деген сөзден кейін «және мүдделерін» деген сөздермен толықтырылсын;", Article2, "құқықтарын және мүдделерін қорғау")]
    [InlineData("1) 1-баптың 2-тармағы «Қазақстан Республикасының» деген сөздермен толықтырылсын;", Article1, "мағынасында қолданылады Қазақстан Республикасының.")]
    [InlineData("1) 1-бапта:\n1-тармақта:\n2) тармақша мынадай редакцияда жазылсын:\n«2) жұмыс беруші – тұлға.»;\n2-тармақ алып тасталсын;", Article1, "2) жұмыс беруші – тұлға.\n2. алып тасталды")]
    public void Kazakh_formula_gives_the_amended_text(string instructions, string norm, string expected)
    {
        var result = SmallCode.Apply(SmallCode.KazakhOpening, instructions);

        Assert.Empty(result.Failed);
        Assert.Contains(expected, SmallCode.After(result, norm), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, "1) в статье 2 слова «работников» и «Трудовые» заменить словами соответственно «граждан» и «Служебные»;")]
    [InlineData(true, "1) 2-баптағы «жұмыскерлердің» және «Еңбек» деген сөздер тиісінше «азаматтардың» және «Қызмет» деген сөздермен ауыстырылсын;")]
    public void Words_replaced_respectively_are_replaced_pair_by_pair(bool kazakh, string instruction)
    {
        var result = SmallCode.Apply(kazakh ? SmallCode.KazakhOpening : SmallCode.RussianOpening, instruction);

        var after = SmallCode.After(result, SmallCode.ActId + "/art:2");
        Assert.Contains(kazakh ? "міндеттері азаматтардың құқықтарын" : "защита прав граждан.", after, StringComparison.Ordinal);
        Assert.Contains(kazakh ? "Қызмет қатынастары" : "Служебные отношения", after, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, "1) в заголовке и по тексту статьи 2 слово «Кодекса» заменить словом «Закона»;", "Статья 2. Задачи Закона\nЗадачами настоящего Закона")]
    [InlineData(true, "1) 2-баптың тақырыбында және мәтінінде «Кодекстің» деген сөз «Заңның» деген сөзбен ауыстырылсын;", "2-бап. Заңның міндеттері\nОсы Заңның міндеттері")]
    public void Words_changed_in_the_heading_and_the_text_change_in_both(bool kazakh, string instruction, string expected)
    {
        var result = SmallCode.Apply(kazakh ? SmallCode.KazakhOpening : SmallCode.RussianOpening, instruction);

        Assert.StartsWith(expected, SmallCode.After(result, SmallCode.ActId + "/art:2"), StringComparison.Ordinal);
    }

    [Fact]
    public void Instructions_run_into_one_line_are_read_one_by_one()
    {
        var result = SmallCode.Apply(SmallCode.RussianOpening, "1) в статье 1: подпункт 2) пункта 1 исключить; пункт 2 изложить в следующей редакции: «2. Понятия едины.»;");

        Assert.Contains("2) исключен\n2. Понятия едины.", SmallCode.After(result, SmallCode.ActId + "/art:1"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1) в статье 3 слова \"письменной форме\" заменить словами \"форме, установленной Законом \"О правовых актах\"\";")]
    [InlineData("1) в статье 3 слова “письменной форме” заменить словами “форме, установленной Законом „О правовых актах“”;")]
    public void Straight_and_curly_quotes_are_read_as_guillemets_nested_ones_included(string instruction)
    {
        var result = SmallCode.Apply(SmallCode.RussianOpening, instruction);

        Assert.Equal("Статья 3. Форма договора\nТрудовой договор заключается в форме, установленной Законом «О правовых актах».", SmallCode.After(result, SmallCode.ActId + "/art:3"));
    }

    [Theory]
    [InlineData("1) дополнить статьей 2-1 следующего содержания:\n«Статья 2-1. Принципы\nПринципы устанавливаются настоящим Кодексом.»;", "Статья 2-1. Принципы\nПринципы устанавливаются настоящим Кодексом.")]
    [InlineData("1) мынадай мазмұндағы 2-1-баппен толықтырылсын:\n«2-1-бап. Қағидаттар\nҚағидаттар белгіленеді.»;", "2-1-бап. Қағидаттар\nҚағидаттар белгіленеді.")]
    public void An_added_article_is_a_new_norm_after_the_one_before_it(string instructions, string expected)
    {
        var opening = expected.StartsWith("Статья", StringComparison.Ordinal) ? SmallCode.RussianOpening : SmallCode.KazakhOpening;

        var result = SmallCode.Apply(opening, instructions);

        var added = Assert.Single(result.Norms);
        Assert.Equal((SmallCode.ActId + "/art:2-1", "2-1", string.Empty, expected), (added.Id, added.Article, added.Before, added.After));
    }

    [Fact]
    public void A_chapter_heading_and_an_added_chapter_are_reported_as_chapters()
    {
        var result = SmallCode.Apply(SmallCode.RussianOpening, """
            1) заголовок главы 2 изложить в следующей редакции:
            «Глава 2. Трудовой договор и его форма»;
            2) дополнить главой 1-1 следующего содержания:
            «Глава 1-1. Принципы
            Статья 2-2. Равенство
            Все равны перед законом.»;
            """);

        Assert.Equal("Глава 2. Трудовой договор и его форма", SmallCode.After(result, SmallCode.ActId + "/chapter:2"));
        Assert.Equal("Глава 1-1. Принципы", SmallCode.After(result, SmallCode.ActId + "/chapter:1-1"));
        Assert.Equal("Статья 2-2. Равенство\nВсе равны перед законом.", SmallCode.After(result, SmallCode.ActId + "/art:2-2"));
    }

    [Fact]
    public void The_redline_marks_the_replaced_words()
    {
        var result = SmallCode.Apply(SmallCode.RussianOpening, "1) в статье 3 слово «письменной» заменить словом «электронной»;");

        var redline = Assert.Single(result.Norms).Redline;
        Assert.Contains(redline, s => s.Kind == Assistant.Core.Changes.RedlineKind.Deleted && s.Text.Contains("письменной", StringComparison.Ordinal));
        Assert.Contains(redline, s => s.Kind == Assistant.Core.Changes.RedlineKind.Inserted && s.Text.Contains("электронной", StringComparison.Ordinal));
    }

    [Fact]
    public void Parsed_operations_name_the_norm_the_words_and_the_line()
    {
        var draft = SmallCode.Parse(SmallCode.RussianOpening + "1) в статье 1:\nв подпункте 1) пункта 1 слова «физическое лицо» заменить словами «гражданин», слова «с работодателем» исключить;");

        Assert.Equal([SmallCode.ActId], draft.TargetActs);
        Assert.Collection(
            draft.Instructions,
            i => Assert.Equal((5, OperationKind.ReplaceWords, "K1500000414/art:1/p:1/sp:1", "физическое лицо", "гражданин"), (i.Line, i.Operation.Kind, i.Operation.Target.Norm.ToString(), i.Operation.Words, i.Operation.NewWords)),
            i => Assert.Equal((5, OperationKind.ExcludeWords, "K1500000414/art:1/p:1/sp:1", "с работодателем"), (i.Line, i.Operation.Kind, i.Operation.Target.Norm.ToString(), i.Operation.Words)));
    }
}
