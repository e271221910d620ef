using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Assistant.Core.Access;
using Assistant.Tests.Support;
using Assistant.Web.Tests.Hosting;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Assistant.Web.Tests.Browser;

/// <summary>
/// A benchmark, not a test: time to the first answer token painted in Chromium against the API's own first SSE delta
/// in the same run (their ratio is what the web layer costs), and the bytes each main page loads cold. Runs only
/// with RAGLEGAL_BENCH=1 and prints its figures; it asserts nothing about speed.
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed partial class BrowserFigures(WebAndApi stack, Chromium chromium, ITestOutputHelper output)
{
    /// <summary>Alternately the API's and the browser's: each question is asked once, so neither side meets a prompt the model has cached.</summary>
    private static readonly string[] Questions =
    [
        "Какое наказание за кражу чужого имущества?",
        "Какова продолжительность ежегодного оплачиваемого трудового отпуска?",
        "Что такое трудовой договор?",
        "Какое наказание за мошенничество?",
        "Кто является работодателем?",
        "Какое наказание за грабеж?",
        "Когда допускается сверхурочная работа?",
        "Какое наказание за убийство?",
        "Что такое коллективный договор?",
        "Какое наказание за взятку?",
        "Как оплачивается работа в ночное время?",
        "Какое наказание за хулиганство?",
        "Какие гарантии у беременных работниц?",
        "Какое наказание за клевету?",
    ];

    /// <summary>The published app (./run.sh publishes it here), whose static files are served Brotli-compressed.</summary>
    private static readonly string Published = Path.Combine(RepositoryFolders.Repository, ".build", "web", "wwwroot");

    [BenchFact]
    public async Task Time_to_first_token_and_page_weight()
    {
        var password = await stack.AddAccountAsync("bench.deputy", AccessRole.Deputy);
        var page = await chromium.NewPageAsync(stack.WebUrl);
        await Pages.SignInAsync(page, "bench.deputy", password, "/chat");
        await Pages.InteractiveAsync(page);
        using var api = new HttpClient { BaseAddress = stack.ApiUrl };
        api.DefaultRequestHeaders.Authorization = new("Bearer", WebAndApi.Token("bench.deputy", AccessRole.Deputy));

        var browser = new List<double>();
        var direct = new List<double>();
        for (var i = 0; i < Questions.Length; i += 2)
        {
            direct.Add(await ApiFirstDeltaAsync(api, Questions[i]));
            browser.Add(await BrowserFirstTokenAsync(page, Questions[i + 1]));
        }

        var weights = new List<string>();
        foreach (var path in new[] { "/signin", "/chat" })
        {
            var (total, published, largest) = await WeightAsync(path, password);
            weights.Add(string.Create(CultureInfo.InvariantCulture, $"{path} {total / 1024.0:F0} KiB from the test server, {published / 1024.0:F0} KiB as published (.br files of {Published}) (largest here: {largest})"));
        }

        var report = string.Create(CultureInfo.InvariantCulture, $"""
            time to first answer token (median of {(Questions.Length / 2) - 1} each, the first of each side a warm-up; a new conversation each):
              browser (click to first painted token) {Median(browser):F0} ms; API alone (request to first SSE delta) {Median(direct):F0} ms; ratio {Median(browser) / Median(direct):F2}
              browser each: {string.Join(", ", browser.Select(b => b.ToString("F0", CultureInfo.InvariantCulture)))}
              API each: {string.Join(", ", direct.Select(b => b.ToString("F0", CultureInfo.InvariantCulture)))}
            page weight, cold cache, bytes over HTTP (the circuit's WebSocket apart):
              {string.Join("\n  ", weights)}
            """);
        output.WriteLine(report);
        await File.WriteAllTextAsync(Path.Combine(Chromium.Screenshots, "..", "web-figures.txt"), report);
    }

    /// <summary>The published .br of a static file, its URL's fingerprint («.002nf0s2a2») taken out; null for pages.</summary>
    private static FileInfo? PublishedBrotli(string url)
    {
        var file = new FileInfo(Path.Combine(Published, Fingerprint().Replace(url.TrimStart('/'), "$1")) + ".br");
        return file.Exists ? file : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\.[a-z0-9]{10}(\.(?:css|js))$")]
    private static partial System.Text.RegularExpressions.Regex Fingerprint();

    private static double Median(List<double> values)
    {
        var sorted = values.Skip(1).Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static async Task<double> ApiFirstDeltaAsync(HttpClient api, string question)
    {
        var clock = Stopwatch.StartNew();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat") { Content = JsonContent.Create(new { messages = new[] { new { role = "user", content = question } } }) };
        using var response = await api.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        double first = -1;
        while (await reader.ReadLineAsync() is { } line)
        {
            if (first < 0 && line == "event: delta")
            {
                first = clock.Elapsed.TotalMilliseconds;
            }
        }

        return first;
    }

    private static async Task<double> BrowserFirstTokenAsync(IPage page, string question)
    {
        await page.GotoAsync("/chat");
        await Pages.InteractiveAsync(page);
        await page.FillAsync("#question", question);
        await page.WaitForSelectorAsync("[data-testid=ask]:not([disabled])");
        var elapsed = await page.EvaluateAsync<double>(
            """
            async () => {
              const start = performance.now();
              document.querySelector('[data-testid=ask]').click();
              return await new Promise(resolve => {
                const check = () => {
                  const answer = document.querySelector('[data-testid=answer]');
                  const text = answer && answer.querySelector('[data-testid=answer-stream], [data-testid=answer-text]');
                  if (text && text.textContent.trim().length > 0) { resolve(performance.now() - start); return true; }
                  return false;
                };
                const observer = new MutationObserver(() => { if (check()) observer.disconnect(); });
                observer.observe(document.body, { subtree: true, childList: true, characterData: true });
              });
            }
            """);
        await page.WaitForSelectorAsync("[data-testid=answer-text]");
        return elapsed;
    }

    private async Task<(long Total, long Published, string Largest)> WeightAsync(string path, string password)
    {
        var page = await chromium.NewPageAsync(stack.WebUrl);
        if (path != "/signin")
        {
            await Pages.SignInAsync(page, "bench.deputy", password);
        }

        // Routing every request turns the browser's cache off: the page is measured cold even after the sign-in.
        await page.Context.RouteAsync("**/*", route => route.ContinueAsync());
        var responses = new List<IResponse>();
        page.Response += (_, response) => responses.Add(response);
        await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        var sizes = new List<(string Url, long Bytes)>();
        foreach (var response in responses)
        {
            var size = await response.Request.SizesAsync();
            sizes.Add((new Uri(response.Url).AbsolutePath, size.ResponseBodySize + size.ResponseHeadersSize));
        }

        await page.Context.CloseAsync();
        var published = sizes.Sum(s => PublishedBrotli(s.Url) is { } file ? file.Length : s.Bytes);
        var largest = string.Join(", ", sizes.OrderByDescending(s => s.Bytes).Take(3).Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Url} {s.Bytes / 1024.0:F0} KiB")));
        return (sizes.Sum(s => s.Bytes), published, largest);
    }
}

/// <summary>A benchmark: runs only when RAGLEGAL_BENCH=1, since timings belong in figures, not in pass/fail tests.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class BenchFactAttribute : FactAttribute
{
    public BenchFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("RAGLEGAL_BENCH") != "1")
        {
            Skip = "a benchmark: run with RAGLEGAL_BENCH=1";
        }
        else if (!Chromium.IsInstalled)
        {
            Skip = $"Chromium is not installed at {Chromium.ExecutablePath}.";
        }
    }
}
