using Assistant.Core.Acts;
using Assistant.Core.Norms;
using Assistant.Tests.Support;

namespace Assistant.Core.Tests.Adilet;

/// <summary>Z1600000480 «О правовых актах» is an adilet PDF export: hard line breaks mid-sentence, indented paragraphs.</summary>
public class LawAndPdfParsingTests
{
    [SharedFact]
    public void Law_on_legal_acts_header_is_read()
    {
        var act = ParsedCorpus.Russian("Z1600000480");

        Assert.Equal("О правовых актах", act.Title);
        Assert.Equal(ActKind.Law, act.Kind);
        Assert.Equal(new DateOnly(2016, 4, 6), act.AdoptedOn);
        Assert.Equal("480-V ЗРК", act.Number);
        Assert.Equal(80, act.Norms.Count(n => n.Kind == NormKind.Article));
    }

    [SharedFact]
    public void Pdf_export_lines_are_rejoined_into_paragraphs()
    {
        var subpoint = ParsedCorpus.Russian("Z1600000480").Norm("Z1600000480/art:1/sp:11");

        Assert.Equal(
            "11) кодекс – закон, в котором объединены и систематизированы нормы права, регулирующие однородные важнейшие общественные отношения, предусмотренные статьей 8 настоящего Закона;",
            subpoint.Text);
    }

    [SharedFact]
    public void Pdf_export_justification_spaces_are_collapsed()
    {
        var act = ParsedCorpus.Russian("Z980000213_");

        Assert.All(act.AllNorms(), norm => Assert.DoesNotContain("  ", norm.Text, StringComparison.Ordinal));
        Assert.Equal(NormStatus.Excluded, act.Norm("Z980000213_/art:3/p:3/sp:1-2").Status);
    }

    [SharedFact]
    public void Pdf_export_subpoints_directly_in_an_article_are_parts_of_the_article()
    {
        var article = ParsedCorpus.Russian("Z1600000480").Norm("Z1600000480/art:1");

        Assert.Equal("Основные понятия, используемые в настоящем Законе", article.Heading);
        Assert.Contains(article.Parts, p => p.Id.ToString() == "Z1600000480/art:1/sp:1-4");
        Assert.All(article.Parts, p => Assert.Equal(NormKind.Subpoint, p.Kind));
        Assert.Equal(NormStatus.Excluded, article.Parts.Single(p => p.Number == "6").Status);
    }

    [SharedFact]
    public void Pdf_export_editorial_note_between_subpoints_is_not_text()
    {
        var article = ParsedCorpus.Russian("Z1600000480").Norm("Z1600000480/art:1");

        Assert.Contains(article.EditorialNotes, n => n.Text.Contains("В подпункт 1-4) предусматривается изменение", StringComparison.Ordinal));
        Assert.DoesNotContain("предусматривается изменение", article.Text, StringComparison.Ordinal);
    }

    [SharedFact]
    public void Reference_to_an_article_of_the_same_law_resolves_to_its_norm_id()
    {
        var subpoint = ParsedCorpus.Russian("Z1600000480").Norm("Z1600000480/art:1/sp:11");

        var reference = Assert.Single(subpoint.References);
        Assert.Equal("статьей 8 настоящего Закона", reference.Text);
        Assert.Equal("Z1600000480/art:8", reference.TargetNormId.ToString());
    }

    [SharedFact]
    public void Reference_to_a_point_of_the_Constitution_resolves_to_the_constitution_in_force_at_the_edition()
    {
        var subpoint = ParsedCorpus.Russian("Z1600000480").Norm("Z1600000480/art:1/sp:12");

        var reference = Assert.Single(subpoint.References, r => r.TargetNormId is not null);
        Assert.Equal("пунктом 4 статьи 62 Конституции", reference.Text);
        Assert.Equal("K950001000_/art:62/p:4", reference.TargetNormId.ToString());
        Assert.Contains(subpoint.References, r => r.TargetNormId is null && r.TargetActId == "K950001000_");
    }
}
