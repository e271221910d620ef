using Assistant.Core.Acts;
using Assistant.Core.Adilet;
using Assistant.Core.Norms;

namespace Assistant.Core.Tests.Adilet;

public class InlineTextParsingTests
{
    private const string Header = "О тестовом законе\nЗакон Республики Казахстан от 1 июля 2021 года № 61-VII.\n";

    [Fact]
    public void Table_of_contents_entries_do_not_become_norms()
    {
        var text = Header + "СОДЕРЖАНИЕ\nСтатья 1. Цель\nСтатья 2. Задачи\nГлава 1. ОБЩИЕ\nСтатья 1. Цель\n1. Текст цели.\nСтатья 2. Задачи\nТекст задач.\n";

        var act = AdiletTextParser.Parse(text, "Z2100000061", Language.Ru);

        Assert.Equal(["Z2100000061/art:1", "Z2100000061/art:2"], act.Norms.Select(n => n.Id.ToString()));
        Assert.Equal("1. Текст цели.", act.Norms[0].Text);
        Assert.Equal(["Глава 1. ОБЩИЕ"], act.Norms[0].Path);
    }

    [Fact]
    public void Repeated_point_number_gets_a_deterministic_unique_id_and_a_note()
    {
        var text = Header + "Статья 1. Цель\n1. Первый.\n2. Второй.\nАбзац без номера:\n1. Снова первый.\n";

        var article = AdiletTextParser.Parse(text, "Z2100000061", Language.Ru).Norms[0];

        Assert.Equal(["Z2100000061/art:1/p:1", "Z2100000061/art:1/p:2", "Z2100000061/art:1/p:1_2"], article.Parts.Select(p => p.Id.ToString()));
        Assert.Equal("1", article.Parts[2].Number);
        Assert.Contains("«1»", Assert.Single(article.Parts[2].EditorialNotes).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Excluded_article_is_kept_with_excluded_status_and_no_heading()
    {
        var text = Header + "Статья 4. Четвертая\nТекст.\nСтатья 5. Исключена Законом РК от 01.07.2021 № 61-VII.\nСтатья 6. Шестая\n3. Исключен Законом РК от 02.02.2022 № 10-VII.\n";

        var act = AdiletTextParser.Parse(text, "Z2100000061", Language.Ru);

        var fifth = act.Norms[1];
        Assert.Equal(NormStatus.Excluded, fifth.Status);
        Assert.Null(fifth.Heading);
        Assert.Equal(NormStatus.Active, act.Norms[0].Status);
        Assert.Equal(NormStatus.Excluded, Assert.Single(act.Norms[2].Parts).Status);
    }

    [Fact]
    public void Footnote_before_any_norm_belongs_to_the_act_and_dates_the_edition()
    {
        var text = Header + "Сноска. Оглавление исключено Законом РК от 05.07.2023 № 17-VIII.\nСтатья 1. Цель\nТекст.\nСноска. Статья 1 с изменением, внесенным Законом РК от 01.01.2022 № 5-VII.\n";

        var act = AdiletTextParser.Parse(text, "Z2100000061", Language.Ru);

        Assert.Equal(new DateOnly(2023, 7, 5), Assert.Single(act.Footnotes).AmendedOn);
        Assert.Equal("Законом РК от 01.01.2022 № 5-VII", Assert.Single(act.Norms[0].Footnotes).AmendingAct);
        Assert.Equal("2023-07-05", act.Edition);
        Assert.Equal("Текст.", act.Norms[0].Text);
    }

    [Fact]
    public void A_footnote_broken_into_pieces_of_its_law_numbers_and_entry_into_force_stays_out_of_the_text()
    {
        var text = Header + "Статья 1. Цель\nТекст.\nСноска. Статья 1 с изменениями, внесенными Законом РК от 26.06.2020\n№ 349-VI\n(вводится в действие по истечении десяти календарных дней).\n"
            + "Статья 2. Задачи\nЗадачи.\nСноска. Статья 2 с изменениями, внесенными законами РК от 11.07.1997 N\n154\n; от 02.03.1998 N\n211\n(вводится в действие с 01.01.2004).\n";

        var norms = AdiletTextParser.Parse(text, "Z2100000061", Language.Ru).Norms;

        var article = norms[0];
        Assert.Equal("Текст.", article.Text);
        Assert.Equal("Задачи.", norms[1].Text);
        Assert.Contains("N 154; от 02.03.1998 N 211 (вводится", Assert.Single(norms[1].Footnotes).Text, StringComparison.Ordinal);
        var footnote = Assert.Single(article.Footnotes);
        Assert.Equal("Законом РК от 26.06.2020 № 349-VI", footnote.AmendingAct);
        Assert.EndsWith("(вводится в действие по истечении десяти календарных дней).", footnote.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ПОДРАЗДЕЛ 3. ОСОБОЕ ИСКОВОЕ ПРОИЗВОДСТВО")]
    [InlineData("§ 2. Договорный режим имущества супругов")]
    [InlineData("II. Хозяйственное товарищество")]
    public void A_heading_within_a_section_or_chapter_does_not_join_the_article_before_it(string heading)
    {
        var text = Header + "Глава 1. ОБЩИЕ\nСтатья 1. Цель\nТекст.\n" + heading + "\nСтатья 2. Задачи\nЗадачи.\n";

        var norms = AdiletTextParser.Parse(text, "Z2100000061", Language.Ru).Norms;

        Assert.Equal("Текст.", norms[0].Text);
        Assert.Equal(["Глава 1. ОБЩИЕ", heading], norms[1].Path);
    }

    [Fact]
    public void Edition_is_the_adoption_date_when_nothing_amended_the_act()
    {
        var act = AdiletTextParser.Parse(Header + "Статья 1. Цель\nТекст.\n", "Z2100000061", Language.Ru);

        Assert.Equal("2021-07-01", act.Edition);
    }

    [Fact]
    public void Kazakh_header_gives_kind_date_and_excluded_norms()
    {
        var text = "Тест туралы\nҚазақстан Республикасының Заңы 2015 жылғы 23 қарашадағы № 414-V ҚРЗ.\n1-бап. Мақсаты\n1. Мәтін.\n2. 2017 жылғы 10 наурыздағы № 51-VI Заңымен алып тасталды.\n2-бап. Алып тасталды\n";

        var act = AdiletTextParser.Parse(text, "Z1500000414", Language.Kk);

        Assert.Equal(ActKind.Law, act.Kind);
        Assert.Equal(new DateOnly(2015, 11, 23), act.AdoptedOn);
        Assert.Equal("414-V ҚРЗ", act.Number);
        Assert.Equal(NormStatus.Excluded, act.Norms[0].Parts[1].Status);
        Assert.Equal(NormStatus.Active, act.Norms[0].Parts[0].Status);
        Assert.Equal(NormStatus.Excluded, act.Norms[1].Status);
    }

    [Fact]
    public void Text_without_numbered_norms_becomes_one_point_holding_the_whole_body()
    {
        var act = AdiletTextParser.Parse(Header + "Назначить Иванова И.И. министром.\nОсвободить Петрова П.П.\nПремьер-Министр\nРеспублики Казахстан\nО. Бектенов\n", "P1", Language.Ru);

        var norm = Assert.Single(act.Norms);
        Assert.Equal("P1/p:1", norm.Id.ToString());
        Assert.Equal("Назначить Иванова И.И. министром.\nОсвободить Петрова П.П.", norm.Text);
    }

    [Fact]
    public void Empty_text_is_an_error_at_line_1()
    {
        var error = Assert.Throws<AdiletFormatException>(() => AdiletTextParser.Parse("\n  \n", "X1", Language.Ru, "x.ru.txt"));

        Assert.Equal(1, error.Line);
        Assert.Equal("x.ru.txt", error.Source);
        Assert.StartsWith("x.ru.txt:1: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Header_without_a_body_is_an_error_at_the_last_line()
    {
        var error = Assert.Throws<AdiletFormatException>(() => AdiletTextParser.Parse(Header + "\n", "Z2100000061", Language.Ru, "z.ru.txt"));

        Assert.Equal(4, error.Line);
        Assert.Contains("no body", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Impossible_adoption_date_is_an_error_on_its_line()
    {
        var text = "О законе\n\nЗакон Республики Казахстан от 31 февраля 2021 года № 1.\nСтатья 1. Цель\n";

        var error = Assert.Throws<AdiletFormatException>(() => AdiletTextParser.Parse(text, "Z1", Language.Ru, "z.ru.txt"));

        Assert.Equal(3, error.Line);
        Assert.Equal("z.ru.txt:3: invalid adoption date: day 31 of month 2 of 2021", error.Message);
        Assert.IsAssignableFrom<FormatException>(error);
    }

    [Theory]
    [InlineData("/corpus/adilet/ru/K1500000414.ru.txt", "K1500000414", Language.Ru)]
    [InlineData("K950001000_.kk.txt", "K950001000_", Language.Kk)]
    [InlineData("K950001000_.txt", "K950001000_", null)]
    public void File_name_gives_act_id_and_language(string path, string id, Language? language)
    {
        var name = AdiletFileName.Parse(path);

        Assert.Equal(id, name.ActId);
        Assert.Equal(language, name.Language);
    }

    [Theory]
    [InlineData("Қазақстан Республикасы өзін демократиялық мемлекет ретінде орнықтырады", Language.Kk)]
    [InlineData("Республика Казахстан утверждает себя демократическим государством", Language.Ru)]
    [InlineData("Информационная система «Е-заңнама» предназначена для проведения анализа законодательства Республики Казахстан и автоматизации процессов нормотворчества", Language.Ru)]
    public void Language_is_detected_by_Kazakh_letters(string text, Language expected)
    {
        Assert.Equal(expected, ScriptLanguage.Detect(text));
    }
}
