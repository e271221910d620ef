using Assistant.Core.Acts;
using Assistant.Core.Editions;

namespace Assistant.Core.Tests.Editions;

public class EditionMatcherTests
{
    [Fact]
    public void An_abbreviated_bulk_title_joins_the_adilet_act_of_that_title()
    {
        var adilet = Adilet("Z1600000480", "О правовых актах", ActKind.Law, new DateOnly(2016, 4, 6), "480-V ЗРК");
        var bulk = Bulk("ru2024-140", "О правовых актах", "ru-acts-2024", edition: "2023-04-19");

        var match = Assert.Single(EditionMatcher.Match([adilet, bulk]).Matches);

        Assert.Equal(bulk, match.Record);
        Assert.Equal("Z1600000480", match.ActId);
        Assert.Equal(IdentityRule.Title, match.Rule);
        Assert.False(match.Duplicate);
    }

    [Fact]
    public void A_record_repeating_another_records_text_is_a_duplicate_of_the_record_with_the_plain_id()
    {
        var plain = Bulk("ru-ex-000602", "О банках и банковской деятельности в Республике Казахстан Обновленный Закон Республики Казахстан от 31 августа 1995 года № 2444.", "ru-acts-other", digest: "same", adoptedOn: new DateOnly(1995, 8, 31), number: "2444");
        var hashed = Bulk("ru-ex-94f79de8_О банках и банковской деятельности в Республике...", "94f79de8_О банках и банковской деятельности в Республике...", "ru-acts-other", digest: "same");

        var match = Assert.Single(EditionMatcher.Match([hashed, plain]).Matches);

        Assert.Equal(hashed, match.Record);
        Assert.Equal("ru-ex-000602", match.ActId);
        Assert.Equal(IdentityRule.DuplicateText, match.Rule);
        Assert.True(match.Duplicate);
    }

    [Fact]
    public void A_kazakh_record_adopted_on_the_same_date_under_the_same_number_is_the_acts_kazakh_version()
    {
        var adilet = Adilet("K1500000414", "Трудовой кодекс Республики Казахстан", ActKind.Code, new DateOnly(2015, 11, 23), "414-V ЗРК");
        var kazakh = Bulk("kk-000123", "Қазақстан Республикасының Еңбек кодексі", "kk-acts", Language.Kk, adoptedOn: new DateOnly(2015, 11, 23), number: "414-V ҚРЗ", kind: ActKind.Code);

        var match = Assert.Single(EditionMatcher.Match([adilet, kazakh]).Matches);

        Assert.Equal("K1500000414", match.ActId);
        Assert.Equal(IdentityRule.Registration, match.Rule);
    }

    [Fact]
    public void A_registration_held_by_two_records_of_one_collection_is_reported_not_guessed()
    {
        var date = new DateOnly(2018, 5, 28);
        var first = Bulk("ru-ex-000218", "О бюджете района Новый Решение маслихата от 28 мая 2018 года № 396", "ru-acts-other", adoptedOn: date, number: "396", kind: ActKind.Decision);
        var second = Bulk("ru-ex-000338", "О ставках Новый Решение маслихата от 28 мая 2018 года № 396", "ru-acts-other", adoptedOn: date, number: "396", kind: ActKind.Decision);
        var kazakh = Bulk("kk-000777", "Шешім", "kk-acts", Language.Kk, adoptedOn: date, number: "396", kind: ActKind.Decision);

        var report = EditionMatcher.Match([first, second, kazakh]);

        Assert.Empty(report.Matches);
        Assert.Contains(report.Ambiguities, a => a.Record == kazakh && a.Candidates.Contains("ru-ex-000218") && a.Candidates.Contains("ru-ex-000338"));
    }

    [Fact]
    public void A_title_that_names_two_acts_is_reported_and_the_record_stays_an_act_of_its_own()
    {
        var law = Bulk("ru-ex-000100", "О Банке Развития Казахстана Обновленный Закон Республики Казахстан от 25 апреля 2001 года N 178.", "ru-acts-other", adoptedOn: new DateOnly(2001, 4, 25), number: "178", kind: ActKind.Law);
        var other = Adilet("Z010000178_", "О Банке Развития Казахстана", ActKind.Law, new DateOnly(2001, 4, 26), "179");
        var bulk = Bulk("ru2024-014", "О Банке Развития Казахстана", "ru-acts-2024", edition: "2023-06-01");

        var report = EditionMatcher.Match([law, other, bulk]);

        Assert.DoesNotContain(report.Matches, m => m.Record == bulk);
        var ambiguity = Assert.Single(report.Ambiguities, a => a.Record == bulk);
        Assert.Equal(2, ambiguity.Candidates.Count);
    }

    [Fact]
    public void A_decree_of_the_same_title_is_not_an_edition_of_a_law()
    {
        var decree = Bulk("ru-ex-000200", "О Банке Развития Казахстана Новый Указ Президента Республики Казахстан от 28 декабря 2000 года N 531.", "ru-acts-other", adoptedOn: new DateOnly(2000, 12, 28), number: "531", kind: ActKind.Decree);
        var bulk = Bulk("ru2024-014", "О Банке Развития Казахстана", "ru-acts-2024", edition: "2023-06-01");

        var report = EditionMatcher.Match([decree, bulk]);

        Assert.Empty(report.Matches);
        Assert.Empty(report.Ambiguities);
    }

    [Fact]
    public void Two_adilet_codes_are_never_joined_even_by_the_same_title()
    {
        var old = Adilet("K080000095_", "Бюджетный кодекс Республики Казахстан", ActKind.Code, new DateOnly(2008, 12, 4), "95-IV");
        var current = Adilet("K2500000171", "Бюджетный кодекс Республики Казахстан", ActKind.Code, new DateOnly(2025, 3, 15), "171-VIII");

        var report = EditionMatcher.Match([old, current]);

        Assert.Empty(report.Matches);
    }

    [Theory]
    [InlineData("Трудовой кодекс РК", "трудовой кодекс")]
    [InlineData("О банках и банковской деятельности в Республике Казахстан Обновленный Закон Республики Казахстан от 31 августа 1995 года № 2444.", "о банках и банковской деятельности")]
    [InlineData("Закон РК О республиканском бюджете на 2011 - 2013 годы", "о республиканском бюджете на 2011 2013 годы")]
    public void A_title_key_leaves_out_kind_country_status_and_punctuation(string title, string key) =>
        Assert.Equal(key, EditionMatcher.TitleKey(title));

    private static ActRecord Adilet(string id, string title, ActKind kind, DateOnly adoptedOn, string number) =>
        new(id, id, Language.Ru, kind, title, adoptedOn, number, "2026-01-01", FromAdilet: true, TextDigest: id, Collection: "adilet");

    private static ActRecord Bulk(
        string id, string title, string collection, Language language = Language.Ru, string? edition = null, string? digest = null,
        DateOnly? adoptedOn = null, string? number = null, ActKind kind = ActKind.Unknown) =>
        new(id, id, language, kind, title, adoptedOn, number, edition, FromAdilet: false, TextDigest: digest ?? id, Collection: collection);
}
