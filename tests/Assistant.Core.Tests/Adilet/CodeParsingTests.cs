using Assistant.Core.Acts;
using Assistant.Core.Norms;
using Assistant.Tests.Support;

namespace Assistant.Core.Tests.Adilet;

public class CodeParsingTests
{
    [SharedFact]
    public void Labour_code_header_gives_title_kind_date_number_and_status()
    {
        var act = ParsedCorpus.Russian("K1500000414");

        Assert.Equal("K1500000414", act.Id);
        Assert.Equal(Language.Ru, act.Language);
        Assert.Equal("Трудовой кодекс Республики Казахстан", act.Title);
        Assert.Equal(ActKind.Code, act.Kind);
        Assert.Equal(new DateOnly(2015, 11, 23), act.AdoptedOn);
        Assert.Equal("414-V ЗРК", act.Number);
        Assert.Equal(ActStatus.InForce, act.Status);
    }

    [SharedFact]
    public void Labour_code_edition_is_the_date_of_its_latest_amending_act()
    {
        var act = ParsedCorpus.Russian("K1500000414");

        // The latest footnote names the Law of 16.07.2025; editorial notes about future changes do not count.
        Assert.Equal("2025-07-16", act.Edition);
    }

    [SharedFact]
    public void Labour_code_article_89_has_its_points_as_parts_and_subpoints_under_points()
    {
        var article = ParsedCorpus.Russian("K1500000414").Norm("K1500000414/art:89");

        Assert.Equal(NormKind.Article, article.Kind);
        Assert.Equal("Дополнительные оплачиваемые ежегодные трудовые отпуска", article.Heading);
        Assert.Equal(["K1500000414/art:89/p:1", "K1500000414/art:89/p:2", "K1500000414/art:89/p:3"], article.Parts.Select(p => p.Id.ToString()));
        Assert.All(article.Parts, part => Assert.Equal(NormKind.Point, part.Kind));
        var first = article.Parts[0];
        Assert.Equal(["K1500000414/art:89/p:1/sp:1", "K1500000414/art:89/p:1/sp:2"], first.Parts.Select(p => p.Id.ToString()));
        Assert.StartsWith("1) работникам, занятым на тяжелых работах", first.Parts[0].Text, StringComparison.Ordinal);
        Assert.Contains(first.Parts[1].Text, article.Text, StringComparison.Ordinal);
    }

    [SharedFact]
    public void Labour_code_article_without_points_keeps_its_text_and_structural_path()
    {
        var article = ParsedCorpus.Russian("K1500000414").Norm("K1500000414/art:5");

        Assert.Equal("Свобода труда", article.Heading);
        Assert.Empty(article.Parts);
        Assert.StartsWith("Каждый имеет право свободно выбирать труд", article.Text, StringComparison.Ordinal);
        Assert.Equal(["ОБЩАЯ ЧАСТЬ", "РАЗДЕЛ 1. ОБЩИЕ ПОЛОЖЕНИЯ", "Глава 1. ОСНОВНЫЕ ПОЛОЖЕНИЯ"], article.Path);
    }

    [SharedFact]
    public void Labour_code_footnote_names_the_amending_act_and_its_date()
    {
        var article = ParsedCorpus.Russian("K1500000414").Norm("K1500000414/art:22");

        var footnote = Assert.Single(article.Footnotes, f => f.Text.StartsWith("Сноска. Статья 22", StringComparison.Ordinal));
        Assert.Equal(new DateOnly(2020, 5, 4), footnote.AmendedOn);
        Assert.StartsWith("законами РК от 04.05.2020 № 321-V", footnote.AmendingAct, StringComparison.Ordinal);
        Assert.DoesNotContain("Сноска", article.Text, StringComparison.Ordinal);
    }

    [SharedFact]
    public void Labour_code_editorial_notes_are_kept_apart_from_the_norm_text()
    {
        var act = ParsedCorpus.Russian("K1500000414");
        var article = act.Norm("K1500000414/art:1");

        Assert.Contains(article.EditorialNotes, note => note.Text.StartsWith("Примечание ИЗПИ! В подпункт 35-1)", StringComparison.Ordinal));
        Assert.All(act.AllNorms(), norm =>
        {
            Assert.DoesNotContain("Примечание ИЗПИ!", norm.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("Примечание РЦПИ!", norm.Text, StringComparison.Ordinal);
        });
    }

    [SharedFact]
    public void Labour_code_excluded_subpoints_are_kept_with_excluded_status()
    {
        var subpoint = ParsedCorpus.Russian("K1500000414").Norm("K1500000414/art:15/sp:2");

        Assert.Equal(NormStatus.Excluded, subpoint.Status);
        Assert.Equal(NormKind.Subpoint, subpoint.Kind);
        Assert.StartsWith("2) исключен Законом РК от 19.04.2023", subpoint.Text, StringComparison.Ordinal);
    }

    [SharedFact]
    public void Labour_code_article_left_only_with_an_excluding_footnote_is_excluded()
    {
        var article = ParsedCorpus.Russian("K1500000414").Norm("K1500000414/art:117");

        Assert.Equal(NormStatus.Excluded, article.Status);
        Assert.Equal(string.Empty, article.Text);
        Assert.Equal(new DateOnly(2023, 7, 4), Assert.Single(article.Footnotes).AmendedOn);
    }

    [SharedFact]
    public void Labour_code_refers_to_its_own_articles_through_настоящего_Кодекса()
    {
        var act = ParsedCorpus.Russian("K1500000414");

        var own = act.AllNorms().SelectMany(n => n.References).Where(r => r.TargetActId == act.Id && r.TargetNormId is not null).ToList();

        Assert.NotEmpty(own);
        // A few are the first items of lists that end in «настоящего Кодекса» («пунктом 2 статьи 77 и статьей 86 настоящего Кодекса»).
        Assert.True(own.Count(r => r.Text.Contains("настоящ", StringComparison.OrdinalIgnoreCase)) * 20 >= own.Count * 19, "own references name «настоящего Кодекса»");
        Assert.Contains(own, r => r.Text == "пунктом 2 статьи 77" && r.TargetNormId.ToString() == "K1500000414/art:77/p:2");
        var targets = act.Norms.Select(n => n.Id).ToHashSet();
        Assert.True(own.Count(r => targets.Contains(r.TargetNormId!.Value.TopLevel)) * 10 >= own.Count * 9, "nine in ten own references name an existing article");
    }

    [SharedFact]
    public void Two_line_title_of_the_administrative_procedure_code_is_joined()
    {
        var act = ParsedCorpus.Russian("K2000000350");

        Assert.Equal("АДМИНИСТРАТИВНЫЙ ПРОЦЕДУРНО-ПРОЦЕССУАЛЬНЫЙ КОДЕКС РЕСПУБЛИКИ КАЗАХСТАН", act.Title);
        Assert.Equal(ActKind.Code, act.Kind);
        Assert.Equal(new DateOnly(2020, 6, 29), act.AdoptedOn);
    }

    [SharedFact]
    public void Repealed_law_is_marked_repealed()
    {
        var act = ParsedCorpus.Russian("Z980000213_");

        Assert.Equal(ActStatus.Repealed, act.Status);
        Assert.Equal("О нормативных правовых актах", act.Title);
        Assert.Equal(ActKind.Law, act.Kind);
    }
}
