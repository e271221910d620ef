using Assistant.Core.Forecasts;

namespace Assistant.Core.Tests.Forecasts;

/// <summary>Deadlines, amounts, ages, bodies and modalities read off Russian and Kazakh norm texts.</summary>
public sealed class NormValuesTests
{
    [Theory]
    [InlineData("Решение принимается в течение десяти рабочих дней со дня подачи заявления.", "10 working-day", "десяти рабочих дней")]
    [InlineData("Жалоба подается не позднее трех месяцев со дня вынесения решения.", "3 month", "трех месяцев")]
    [InlineData("Уведомление направляется в течение 15 календарных дней.", "15 day", "15 календарных дней")]
    [InlineData("Договор заключается на срок двадцати пяти лет.", "25 year", "двадцати пяти лет")]
    [InlineData("Ответ дается в течение пяти (5) рабочих дней.", "5 working-day", "пяти (5) рабочих дней")]
    [InlineData("Өтініш 5 күн ішінде қаралады.", "5 day", "5 күн")]
    [InlineData("Шешім он жұмыс күні ішінде қабылданады.", "10 working-day", "он жұмыс күні")]
    [InlineData("Шағым үш ай ішінде беріледі.", "3 month", "үш ай")]
    public void A_deadline_is_read_in_words_or_figures_with_its_unit(string text, string normalized, string phrase)
    {
        var value = Assert.Single(NormValues.In(text), v => v.Kind == ValueKind.Deadline);

        Assert.Equal((normalized, phrase), (value.Normalized, value.Phrase));
    }

    [Theory]
    [InlineData("наказывается штрафом в размере ста месячных расчетных показателей", "100 mrp")]
    [InlineData("влечет штраф в размере 20 МРП", "20 mrp")]
    [InlineData("наказывается штрафом в десятикратном размере месячного расчетного показателя", "10 mrp")]
    [InlineData("взимается сбор в размере 5 миллионов тенге", "5000000 kzt")]
    [InlineData("ставка составляет двенадцать процентов", "12 percent")]
    [InlineData("ставка составляет 1,5 %", "1.5 percent")]
    [InlineData("елу айлық есептік көрсеткіш мөлшерінде айыппұл салуға әкеп соғады", "50 mrp")]
    [InlineData("100 АЕК мөлшерінде айыппұл", "100 mrp")]
    [InlineData("жиырма пайыз мөлшерінде", "20 percent")]
    [InlineData("1 000 теңге мөлшерінде", "1000 kzt")]
    public void An_amount_is_read_in_mrp_tenge_or_percent(string text, string normalized)
    {
        var value = Assert.Single(NormValues.In(text), v => v.Kind == ValueKind.Amount);

        Assert.Equal(normalized, value.Normalized);
    }

    [Theory]
    [InlineData("Лица, не достигшие восемнадцатилетнего возраста, не допускаются к работе.", "18 years")]
    [InlineData("Лица, не достигшие 16-летнего возраста, не принимаются.", "16 years")]
    [InlineData("Гражданин, достигший восемнадцати лет, вправе участвовать.", "18 years")]
    [InlineData("с лицами в возрасте до двадцати одного года", null)]
    [InlineData("Он сегіз жасқа толмаған адамдар жұмысқа қабылданбайды.", "18 years")]
    [InlineData("16 жастан бастап", "16 years")]
    public void An_age_is_read_and_not_taken_for_a_period(string text, string? normalized)
    {
        var ages = NormValues.In(text).Where(v => v.Kind == ValueKind.Age).Select(v => v.Normalized);

        Assert.Equal(normalized is null ? [] : [normalized], ages);
        Assert.DoesNotContain(NormValues.In(text), v => v.Kind == ValueKind.Deadline && v.Unit == "year" && normalized is not null);
    }

    [Theory]
    [InlineData("Работник вправе расторгнуть договор.", "permitted")]
    [InlineData("Работодатель обязан уведомить работника.", "obligatory")]
    [InlineData("Использование детского труда запрещается.", "prohibited")]
    [InlineData("Совмещение должностей не допускается.", "prohibited")]
    [InlineData("Совмещение должностей допускается.", "permitted")]
    [InlineData("Жұмыскер шартты бұзуға құқылы.", "permitted")]
    [InlineData("Жұмыс беруші жұмыскерді хабардар етуге міндетті.", "obligatory")]
    [InlineData("Балалар еңбегін пайдалануға тыйым салынады.", "prohibited")]
    public void A_modality_is_read_with_its_negation(string text, string modality)
    {
        var value = Assert.Single(NormValues.In(text), v => v.Kind == ValueKind.Modality);

        Assert.Equal(modality, value.Unit);
    }

    [Theory]
    [InlineData("Порядок утверждается Правительством Республики Казахстан.", "government")]
    [InlineData("Порядок утверждается уполномоченным органом в области здравоохранения.", "authorized-body")]
    [InlineData("Тәртіпті уәкілетті орган бекітеді.", "authorized-body")]
    [InlineData("Тәртіпті Қазақстан Республикасының Үкіметі бекітеді.", "government")]
    [InlineData("Решение принимается местным исполнительным органом области.", "local-executive-body")]
    public void A_competent_body_is_read_to_one_key_in_either_language(string text, string body)
    {
        var value = Assert.Single(NormValues.In(text), v => v.Kind == ValueKind.Body);

        Assert.Equal(body, value.Unit);
    }

    [Fact]
    public void The_year_of_a_date_is_no_period()
    {
        Assert.Empty(NormValues.In("Закон Республики Казахстан от 23 ноября 2015 года; 2015 жылғы 23 қарашадағы Кодекс."));
    }
}
