using Assistant.Core.Access;
using Assistant.Web.Tests.Hosting;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Assistant.Web.Tests.Browser;

/// <summary>An expert in Chromium: uploads a draft as Word, reads its operations, runs its forecast and follows it live, reads it.</summary>
[Collection(BrowserGroup.Name)]
public sealed class ExpertTests(WebAndApi stack, Chromium chromium)
{
    internal static readonly string[] DraftLines =
    [
        "О внесении изменений в Трудовой кодекс Республики Казахстан",
        "Статья 1. Внести в Трудовой кодекс Республики Казахстан от 23 ноября 2015 года следующие изменения:",
        "1) дополнить статьей 16-7 следующего содержания:",
        "«Статья 16-7. Квантовая телепортация работников",
        "Квантовая телепортация работников осуществляется в порядке, определяемом уполномоченным органом.»;",
        "2) статью 19 исключить;",
        "3) статью 9999 исключить;",
        "Статья 2. Настоящий Закон вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования.",
    ];

    [BrowserFact]
    public async Task An_expert_uploads_a_word_draft_runs_its_forecast_and_opens_a_norm_it_cites()
    {
        var password = await stack.AddAccountAsync("expert.aigerim", AccessRole.Expert);
        var page = await chromium.NewPageAsync(stack.WebUrl);
        await Pages.SignInAsync(page, "expert.aigerim", password, "/drafts");
        await Pages.InteractiveAsync(page);
        var file = Path.Combine(Path.GetTempPath(), $"draft-{Guid.NewGuid():N}.docx");
        WriteDocx(file, DraftLines);

        await page.FillAsync("#draft-title", "Квантовая телепортация");
        await page.SetInputFilesAsync("#draft-file", file);
        await page.ClickAsync("[data-testid=submit-draft]");
        await page.WaitForURLAsync("**/drafts/*");
        var title = await page.InnerTextAsync("[data-testid=draft-title]");
        var operations = await page.InnerTextAsync(".mud-tabs");
        await page.EvaluateAsync(WatchProgress);
        await page.ClickAsync("[data-testid=run-forecast]");
        await page.WaitForURLAsync("**/forecasts/*");
        var progress = await page.EvaluateAsync<bool>("() => window.progressShown");
        await page.WaitForSelectorAsync("[data-testid=forecast]");
        var forecast = await page.InnerTextAsync("[data-testid=forecast]");
        await page.ClickAsync("#affected + ul a[data-norm='K1500000414/art:19']");
        await page.WaitForSelectorAsync("[data-testid=norm-viewer] [data-testid=norm-text]");
        var norm = await page.InnerTextAsync("[data-testid=norm-viewer]");
        var docx = await page.APIRequest.GetAsync(await page.GetAttributeAsync("[data-testid=export-docx]", "href") ?? "/missing");
        await page.GotoAsync("/drafts");
        await page.WaitForSelectorAsync("table a[href^='/drafts/']");
        var listed = await page.InnerTextAsync("table");
        File.Delete(file);

        Assert.Equal("Квантовая телепортация", title);
        Assert.Contains("16-7", operations, StringComparison.Ordinal);
        Assert.True(progress, "the forecast's progress was never shown");
        Assert.Contains("K1500000414/art:16-7", forecast, StringComparison.Ordinal);
        Assert.Contains("nonexistent-target", forecast, StringComparison.Ordinal);
        Assert.Contains("Субъекты трудовых отношений", norm, StringComparison.Ordinal);
        Assert.Contains("Квантовая телепортация", listed, StringComparison.Ordinal);
        Assert.Equal(200, docx.Status);
        Assert.Equal("PK"u8.ToArray(), (await docx.BodyAsync())[..2]);
    }

    internal static void WriteDocx(string path, IEnumerable<string> lines)
    {
        using var document = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        main.Document = new Document(new Body(lines.Select(line => new Paragraph(new Run(new Text(line) { Space = SpaceProcessingModeValues.Preserve })))));
    }

    // A small forecast can finish between two polls of a wait: the page only has to have shown its progress at all.
    private const string WatchProgress = """
        () => {
          window.progressShown = false;
          new MutationObserver(() => {
            if (document.querySelector('[data-testid=forecast-progress]')) { window.progressShown = true; }
          }).observe(document.body, { subtree: true, childList: true });
        }
        """;
}
