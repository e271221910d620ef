using Assistant.Core.Acts;
using Assistant.Core.Forecasts;

namespace Assistant.Core.Tests.Forecasts;

/// <summary>A delegation is matched to the bylaws in force whose titles say what it delegates, among the kinds its body adopts.</summary>
public sealed class BylawsTests
{
    private static readonly Bylaws Titles = new(
    [
        new ActTitle("P1", "Об утверждении Правил проведения аттестации государственных служащих", null, ActKind.Resolution),
        new ActTitle("V1", "Об утверждении Правил проведения аттестации государственных служащих", null, ActKind.Order),
        new ActTitle("V2", "Об утверждении формы трудового договора", null, ActKind.Order),
        new ActTitle("V3", "Об утверждении Правил выдачи разрешений на привлечение иностранной рабочей силы", null, ActKind.Order),
        new ActTitle("V4", "Об утверждении Правил проведения конкурса", null, ActKind.Order),
    ], Language.Ru);

    [Fact]
    public void The_title_that_shares_the_rare_terms_of_the_delegation_comes_first()
    {
        var found = Titles.ByTitle("Аттестация государственных служащих проводится в порядке, определяемом уполномоченным органом.", "уполномоченным органом");

        Assert.Equal("V1", found[0].ActId);
        Assert.Equal("title", found[0].Basis);
        Assert.DoesNotContain(found, m => m.ActId == "V2");
    }

    [Fact]
    public void The_government_adopts_resolutions_so_orders_are_not_named_for_it()
    {
        var found = Titles.ByTitle("Аттестация государственных служащих проводится в порядке, определяемом Правительством Республики Казахстан.", "Правительством Республики Казахстан");

        Assert.Equal(["P1"], found.Select(m => m.ActId));
    }

    [Fact]
    public void A_delegation_sharing_only_common_words_names_no_bylaw()
    {
        var found = Titles.ByTitle("Квантовая телепортация осуществляется в порядке, определяемом уполномоченным органом.", "уполномоченным органом");

        Assert.Empty(found);
    }
}
