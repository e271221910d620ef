using System.Text.RegularExpressions;
using Assistant.Core.Norms;
using Assistant.Tests.Support;

namespace Assistant.Core.Tests.Adilet;

public partial class ArticleCountTests
{
    public static TheoryData<string> RussianFiles()
    {
        var data = new TheoryData<string>();
        if (SharedData.IsAvailable)
        {
            foreach (var file in Directory.GetFiles(SharedData.Path("corpus", "adilet", "ru"), "*.ru.txt").Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetFileName(file)[..^".ru.txt".Length]);
            }
        }

        return data;
    }

    [SharedFact]
    public void There_are_26_Russian_adilet_files()
    {
        Assert.Equal(26, RussianFiles().Count);
    }

    /// <summary>
    /// Counted independently of the parser, on the raw lines: the distinct numbers of «Статья N.» headings (a table of
    /// contents would repeat them). Each must become exactly one article norm, and nothing else may.
    /// </summary>
    [SharedTheory]
    [MemberData(nameof(RussianFiles))]
    public void Every_article_heading_in_the_body_becomes_exactly_one_article_norm(string actId)
    {
        var headings = File.ReadLines(ParsedCorpus.RussianFile(actId))
            .Select(line => HeadingLine().Match(line.Replace('\u00A0', ' ').Replace("\f", string.Empty, StringComparison.Ordinal)))
            .Where(match => match.Success)
            .Select(match => match.Groups[1].Value)
            .ToHashSet(StringComparer.Ordinal);

        var articles = ParsedCorpus.Russian(actId).Norms.Where(n => n.Kind == NormKind.Article).Select(n => n.Number).ToList();

        Assert.Equal(headings.Count, articles.Count);
        Assert.Equal(headings.Order(StringComparer.Ordinal), articles.Order(StringComparer.Ordinal));
    }

    [SharedTheory]
    [MemberData(nameof(RussianFiles))]
    public void Every_norm_id_is_unique_within_the_act_and_round_trips(string actId)
    {
        var ids = ParsedCorpus.Russian(actId).AllNorms().Select(n => n.Id).ToList();

        Assert.NotEmpty(ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Equal(id, NormId.Parse(id.ToString())));
    }

    /// <summary>«Статья», or «Cтатья» with the Latin C the CoAO has twice.</summary>
    [GeneratedRegex(@"^\s*[СC]татья\s+(\d+(?:-\d+)*)(?:\.|\s*$)")]
    private static partial Regex HeadingLine();
}
