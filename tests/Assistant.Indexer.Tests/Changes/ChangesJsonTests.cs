using System.Text.Json;
using Assistant.Core.Changes;
using Assistant.Indexer.Commands;

namespace Assistant.Indexer.Tests.Changes;

public class ChangesJsonTests
{
    [Fact]
    public void The_change_report_prints_act_from_to_and_norms_with_id_article_change_and_redline()
    {
        var report = new ChangeReport("K1500000414", "2023-12-21", "2025-07-16",
        [
            new NormChange("K1500000414/art:93", "93", ChangeKind.Changed, Redline.Between("платит ежемесячно.", "платит дважды в месяц.")),
            new NormChange("K1500000414/art:124-1", "124-1", ChangeKind.Added, Redline.Between(string.Empty, "Новые гарантии.")),
        ]);

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(ChangesCommand.ReportJson(report), IndexerJson.Options));

        var root = json.RootElement;
        Assert.Equal(["act", "from", "to", "norms"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("K1500000414", root.GetProperty("act").GetString());
        var norm = root.GetProperty("norms")[0];
        Assert.Equal(["id", "article", "change", "redline"], norm.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("93", "changed"), (norm.GetProperty("article").GetString(), norm.GetProperty("change").GetString()));
        Assert.Contains(norm.GetProperty("redline").EnumerateArray(), s => s.GetProperty("kind").GetString() == "inserted" && s.GetProperty("text").GetString()!.Contains("дважды", StringComparison.Ordinal));
        Assert.Equal("added", root.GetProperty("norms")[1].GetProperty("change").GetString());
    }
}
