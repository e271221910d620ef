using System.Globalization;
using System.Text;
using Assistant.Core.Acts;
using Assistant.Core.Answers;
using Microsoft.SemanticKernel;

namespace Assistant.Core.Forecasts;

/// <summary>
/// The prompt the consequences by area are written from, <c>prompts/forecast/</c>: the draft's title and its numbered
/// findings, in the draft's language. The wording lives in the templates; the code owns the numbering and the grammar
/// that holds the model to JSON whose every item cites given numbers.
/// </summary>
public sealed class ForecastPrompt
{
    public const string Name = "forecast";

    /// <summary>The JSON keys of the areas, in the order the grammar writes them.</summary>
    internal static readonly IReadOnlyList<(NarrativeArea Area, string Key)> Areas =
        [.. Enum.GetValues<NarrativeArea>().Select(area => (area, area.ToString().ToLowerInvariant()))];

    /// <summary>Items per area and citations per item the grammar allows: enough to say a consequence, bounded so that the output ends.</summary>
    private const int MaxItems = 3;

    private const int MaxCites = 3;

    private const int MaxTextCharacters = 240;

    public static IReadOnlyList<PromptVariable> Variables { get; } =
    [
        new("title", Required: true),
        new("findings", Required: true),
    ];

    private readonly PromptTemplateSet _templates;

    private ForecastPrompt(PromptTemplateSet templates) => _templates = templates;

    /// <summary>Reads <c>&lt;promptsFolder&gt;/forecast/</c>.</summary>
    /// <exception cref="PromptTemplateException">A template is missing or wrong.</exception>
    public static ForecastPrompt Load(string promptsFolder) => new(PromptTemplateSet.Load(promptsFolder, Name, Variables));

    internal KernelFunction For(Language language) => _templates.For(language);

    internal KernelArguments Arguments(string title, IReadOnlyList<Evidence> evidence, NarrativeOptions options)
    {
        var extension = new Dictionary<string, object>(_templates.Settings.ExtensionData ?? new Dictionary<string, object>(), StringComparer.Ordinal)
        {
            ["max_tokens"] = options.MaxTokens,
            [AnswerOptions.GrammarProperty] = Grammar(evidence.Count),
        };
        return new KernelArguments(new PromptExecutionSettings { ExtensionData = extension })
        {
            ["title"] = title,
            ["findings"] = Findings(evidence),
        };
    }

    /// <summary>«[1] Новая норма K1500000414/art:16-7: …», one finding a line.</summary>
    internal static string Findings(IReadOnlyList<Evidence> evidence)
    {
        var block = new StringBuilder();
        foreach (var item in evidence)
        {
            block.Append(CultureInfo.InvariantCulture, $"[{item.Number}] {item.Text}\n");
        }

        return block.ToString().TrimEnd();
    }

    /// <summary>
    /// GBNF for {"legal": [...], "budget": [...], …}: every area in a fixed order, up to three items each, every item
    /// a text and one to three numbers of given findings.
    /// </summary>
    internal static string Grammar(int findingCount)
    {
        var numbers = string.Join(" | ", Enumerable.Range(1, Math.Max(1, findingCount)).Select(n => string.Create(CultureInfo.InvariantCulture, $"\"{n}\"")));
        var areas = string.Join(" \", \" ", Areas.Select(a => $"\"\\\"{a.Key}\\\": \" items"));
        return $$"""
            root ::= "{" {{areas}} "}"
            items ::= "[]" | "[" item (", " item){0,{{MaxItems - 1}}} "]"
            item ::= "{\"text\": \"" text "\", \"cites\": [" cite (", " cite){0,{{MaxCites - 1}}} "]}"
            text ::= [^"\\\n]{1,{{MaxTextCharacters}}}
            cite ::= {{numbers}}
            """;
    }
}
