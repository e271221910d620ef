using Assistant.Core.Answers;

namespace Assistant.Core.Tests.Answers;

public class CitationMarkersTests
{
    [Fact]
    public void Markers_of_given_sources_are_kept_and_listed_once()
    {
        var verified = CitationMarkers.Verify("Кража наказывается штрафом [1]. Мошенничество тоже [2, 1].", 3);

        Assert.Equal("Кража наказывается штрафом [1]. Мошенничество тоже [2, 1].", verified.Text);
        Assert.Equal([1, 2], verified.Cited);
        Assert.Empty(verified.Removed);
    }

    [Fact]
    public void Markers_of_sources_not_given_are_removed_and_reported()
    {
        var verified = CitationMarkers.Verify("Кража наказывается штрафом [7]. Срок давности пять лет [2, 9].", 3);

        Assert.Equal("Кража наказывается штрафом. Срок давности пять лет [2].", verified.Text);
        Assert.Equal([2], verified.Cited);
        Assert.Equal(["[7]", "[2, 9]"], verified.Removed);
    }

    [Fact]
    public void A_range_cites_every_source_in_it()
    {
        Assert.Equal([2, 3, 4], CitationMarkers.Verify("См. [2-4].", 5).Cited);
    }

    [Fact]
    public void Text_without_markers_cites_nothing()
    {
        var verified = CitationMarkers.Verify("Ответ без ссылок (ст. 188).", 3);

        Assert.Empty(verified.Cited);
        Assert.Equal("Ответ без ссылок (ст. 188).", verified.Text);
    }
}
