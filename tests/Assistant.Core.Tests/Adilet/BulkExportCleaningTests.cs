using Assistant.Core.Acts;
using Assistant.Core.Adilet;
using Assistant.Tests.Support;

namespace Assistant.Core.Tests.Adilet;

/// <summary>The 2024 bulk records, read once: what their export added is gone, and reported.</summary>
public class BulkExportCleaningTests
{
    private static readonly Lazy<Dictionary<string, Act>> Records = new(() =>
        BulkRecordReader.ReadFile(SharedData.Path("corpus", "bulk", "ru-acts-2024-00.jsonl.gz"))
            .Select(entry => entry.Act!)
            .Select(act => (Id: act.Source![(act.Source!.IndexOf('#', StringComparison.Ordinal) + 1)..], Act: act))
            .Where(record => record.Id is "ru2024-010" or "ru2024-259" or "ru2024-140" or "ru2024-261" or "ru2024-002")
            .ToDictionary(record => record.Id, record => record.Act, StringComparer.Ordinal));

    [SharedFact]
    public void An_articles_body_printed_again_after_its_footnote_is_read_once()
    {
        var labour = Records.Value["ru2024-261"];

        var article = labour.Norms.Single(n => n.Id.ToString() == "K1500000414/art:110");

        Assert.Equal(1, Occurrences(article.Text, "Каждый час работы в ночное время"));
        Assert.Contains(labour.Repairs, r => r.Contains("art. 110 is printed again", StringComparison.Ordinal));
    }

    [SharedFact]
    public void Another_codes_articles_before_an_articles_own_number_are_dropped()
    {
        var marriage = Records.Value["ru2024-010"];

        var article = Assert.Single(marriage.Norms, n => n.Number == "275");
        Assert.StartsWith("Личные неимущественные", article.Heading, StringComparison.Ordinal);
        Assert.DoesNotContain(marriage.Norms, n => n.Heading?.Contains("в области здравоохранения", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(marriage.Norms, n => n.Id.ToString().Contains('_', StringComparison.Ordinal));
    }

    [SharedFact]
    public void Articles_numbered_far_past_the_acts_last_one_are_dropped()
    {
        var entrepreneurial = Records.Value["ru2024-259"];

        Assert.Equal("322", entrepreneurial.Norms[^1].Number);
        Assert.Contains(entrepreneurial.Repairs, r => r.Contains("1123", StringComparison.Ordinal));
    }

    [SharedFact]
    public void Another_acts_articles_and_annex_before_the_numbering_restarts_are_dropped()
    {
        var law = Records.Value["ru2024-140"];

        Assert.DoesNotContain(law.Norms, n => n.Id.Annex is not null);
        Assert.Equal("Основные понятия, используемые в настоящем Законе", law.Norms[0].Heading);
        Assert.Contains(law.Norms, n => n.Number == "31" && n.Path.All(p => !p.Contains("трансфертов", StringComparison.Ordinal)));
    }

    [SharedFact]
    public void Another_codes_last_articles_and_annex_at_the_end_of_a_record_are_dropped()
    {
        var water = Records.Value["ru2024-002"];

        Assert.DoesNotContain(water.Norms, n => n.Id.Annex is not null || n.Text.Contains("нефтеперерабатывающие заводы", StringComparison.Ordinal));
        Assert.Contains(water.Repairs, r => r.Contains("arts. 417–418", StringComparison.Ordinal));
    }

    [SharedFact]
    public void A_heading_spelled_with_a_latin_c_is_an_article_and_the_repair_is_reported()
    {
        var coao = ParsedCorpus.Russian("K1400000235");

        var article = coao.Norms.Single(n => n.Id.ToString() == "K1400000235/art:69");
        Assert.DoesNotContain("татья 69.", coao.Norms.Single(n => n.Id.ToString() == "K1400000235/art:68").Text, StringComparison.Ordinal);
        Assert.NotEmpty(article.Text);
        Assert.Contains(coao.Repairs, r => r.Contains("Cтатья 69", StringComparison.Ordinal));
        Assert.Contains(coao.Norms, n => n.Id.ToString() == "K1400000235/art:312");
    }

    private static int Occurrences(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
