using System.Globalization;
using System.Net;
using Assistant.Web.Api;
using Assistant.Web.Components.Controls;
using Assistant.Web.Resources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Assistant.Web.Tests.Components;

public sealed class ProblemMessageTests
{
    private static IStringLocalizer<Labels> Labels(string culture)
    {
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        return new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider().GetRequiredService<IStringLocalizer<Labels>>();
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, "ru", "Запрос отклонён. text is empty.")]
    [InlineData(HttpStatusCode.Forbidden, "ru", "Для вашей роли это действие недоступно. text is empty.")]
    [InlineData(HttpStatusCode.TooManyRequests, "kk", "Сұраулар тым көп; бір минуттан кейін қайталаңыз. text is empty.")]
    [InlineData(HttpStatusCode.ServiceUnavailable, "kk", "Қызмет уақытша қолжетімсіз. text is empty.")]
    public void A_refusal_leads_with_words_in_the_readers_language_then_the_apis_detail(HttpStatusCode status, string culture, string expected) =>
        Assert.Equal(expected, ProblemMessage.For(new ApiProblemException(status, "text is empty."), Labels(culture)));

    [Fact]
    public void An_unreachable_api_is_named_as_such() =>
        Assert.Equal("Нет связи со службой RagLegal.", ProblemMessage.For(new HttpRequestException("connection refused"), Labels("ru")));
}
