using System.Text.RegularExpressions;
using System.Xml.Linq;
using Assistant.Tests.Support;

namespace Assistant.Web.Tests.Components;

/// <summary>Every label the pages name exists in Russian and in Kazakh, so no page shows a key or falls back to Russian.</summary>
public sealed partial class LabelsTests
{
    private static readonly string Web = Path.Combine(RepositoryFolders.Repository, "src", "Assistant.Web");

    [Fact]
    public void Every_russian_label_has_a_kazakh_translation()
    {
        var russian = Read("Labels.resx");
        var kazakh = Read("Labels.kk.resx");

        Assert.Empty(russian.Keys.Except(kazakh.Keys));
        Assert.Empty(kazakh.Keys.Except(russian.Keys));
        Assert.All(kazakh, label => Assert.False(string.IsNullOrWhiteSpace(label.Value), label.Key));

        // Where the two are alike it must be on purpose: names, roles and loan words spelled the same in both.
        var alike = russian.Where(l => l.Value == kazakh[l.Key]).Select(l => l.Key).ToList();
        Assert.True(alike.Count < 12, "labels left untranslated: " + string.Join(", ", alike));
    }

    [Fact]
    public void Every_label_a_component_names_is_defined()
    {
        var defined = Read("Labels.resx").Keys.ToHashSet(StringComparer.Ordinal);
        var named = Directory.EnumerateFiles(Path.Combine(Web, "Components"), "*.razor", SearchOption.AllDirectories)
            .SelectMany(file => LabelKey().Matches(File.ReadAllText(file)).Select(m => (File: Path.GetFileName(file), Key: m.Groups[1].Value)))
            .ToList();

        Assert.NotEmpty(named);
        Assert.DoesNotContain(named, n => !defined.Contains(n.Key));
    }

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(Path.Combine(Web, "Resources", file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!, StringComparer.Ordinal);

    [GeneratedRegex("""L\["([A-Za-z.\-]+)"\]""")]
    private static partial Regex LabelKey();
}
