using Assistant.Core.Acts;
using Assistant.Core.Norms;
using Assistant.Tests.Support;

namespace Assistant.Core.Tests.Adilet;

public class ConstitutionParsingTests
{
    [SharedFact]
    public void Constitution_2026_articles_have_their_text_on_the_line_after_the_heading()
    {
        var act = ParsedCorpus.Russian("K2600000000");

        Assert.Equal(ActKind.Constitution, act.Kind);
        Assert.Equal(new DateOnly(2026, 3, 15), act.AdoptedOn);
        Assert.Equal(96, act.Norms.Count);
        var first = act.Norm("K2600000000/art:1");
        Assert.Null(first.Heading);
        Assert.StartsWith("Республика Казахстан – демократическое, светское, правовое и социальное государство.", first.Text, StringComparison.Ordinal);
        Assert.Equal(["Раздел I. Основы конституционного строя"], first.Path);
        Assert.Equal(7, act.Norm("K2600000000/art:2").Parts.Count);
    }

    [SharedFact]
    public void Kazakh_constitution_reads_бап_articles_and_бөлім_sections()
    {
        var act = ParsedCorpus.Kazakh("K950001000_");

        Assert.Equal(Language.Kk, act.Language);
        Assert.Equal("Қазақстан Республикасының Конституциясы", act.Title);
        Assert.Equal(ActKind.Constitution, act.Kind);
        var headings = File.ReadLines(SharedData.Path("corpus", "adilet", "kk", "K950001000_.kk.txt"))
            .Count(line => line.Trim().EndsWith("-бап", StringComparison.Ordinal) && char.IsDigit(line.Trim()[0]));
        Assert.Equal(headings, act.Norms.Count);
        Assert.All(act.Norms, n => Assert.Equal(NormKind.Article, n.Kind));
        var article = act.Norm("K950001000_/art:2");
        Assert.Equal(["I бөлім Жалпы ережелер"], article.Path);
        Assert.Equal(["1", "2", "3", "3-1", "4"], article.Parts.Select(p => p.Number));
        Assert.StartsWith("1. Қазақстан Республикасы - президенттік басқару нысанындағы біртұтас мемлекет.", article.Text, StringComparison.Ordinal);
        Assert.StartsWith("Бiз, ортақ тарихи тағдыр", act.Preamble, StringComparison.Ordinal);
    }

    [SharedFact]
    public void Kazakh_points_removed_by_law_are_excluded()
    {
        var point = ParsedCorpus.Kazakh("K950001000_").Norm("K950001000_/art:41/p:4");

        Assert.Equal(NormStatus.Excluded, point.Status);
        Assert.EndsWith("алып тасталды.", point.Text, StringComparison.Ordinal);
    }

    [SharedFact]
    public void Kazakh_reference_to_an_article_point_of_the_constitution_resolves()
    {
        var article = ParsedCorpus.Kazakh("K950001000_").Norm("K950001000_/art:44");

        var reference = Assert.Single(article.References, r => r.TargetNormId is not null);
        Assert.Equal("Конституциясының 91-бабының 3-тармағында", reference.Text);
        Assert.Equal("K950001000_/art:91/p:3", reference.TargetNormId.ToString());
    }

    [SharedFact]
    public void Russian_constitution_1995_reads_bare_article_headings_without_a_dot()
    {
        var act = ParsedCorpus.Russian("K950001000_");

        Assert.Equal(ActKind.Constitution, act.Kind);
        Assert.Equal(new DateOnly(1995, 8, 30), act.AdoptedOn);
        Assert.Equal(102, act.Norms.Count);
        Assert.Equal(["Раздел I. Общие положения"], act.Norm("K950001000_/art:1").Path);
    }
}
