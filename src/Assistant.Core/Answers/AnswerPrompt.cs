using System.Globalization;
using System.Net;
using System.Text;
using Assistant.Core.Acts;
using Assistant.Core.Conversations;
using Microsoft.SemanticKernel;

namespace Assistant.Core.Answers;

/// <summary>
/// The prompt an answer is written from, <c>prompts/answer/</c>: the instructions, the conversation so far, the
/// numbered sources and the question, in the question's language. The wording lives in the templates; what the code
/// owns is what the citation check depends on: the numbering of the sources and the grammar that keeps claims cited.
/// </summary>
public sealed class AnswerPrompt
{
    public const string Name = "answer";

    /// <summary>
    /// The sources are one rendered variable, not a function the template calls: their numbers are the contract with
    /// <see cref="CitationMarkers"/>, Semantic Kernel's template syntax has no loops to lay out a list, and a variable
    /// keeps a template a text that reads from top to bottom.
    /// </summary>
    public static IReadOnlyList<PromptVariable> Variables { get; } =
    [
        new("question", Required: true),
        new("sources", Required: true),
        new("history", Required: false, IsMessages: true),
    ];

    private readonly PromptTemplateSet _templates;

    private AnswerPrompt(PromptTemplateSet templates) => _templates = templates;

    /// <summary>Reads <c>&lt;promptsFolder&gt;/answer/</c>.</summary>
    /// <exception cref="PromptTemplateException">A template is missing or wrong.</exception>
    public static AnswerPrompt Load(string promptsFolder) => new(PromptTemplateSet.Load(promptsFolder, Name, Variables));

    internal KernelFunction For(Language language) => _templates.For(language);

    /// <summary>The template's variables and the model's settings for one answer.</summary>
    internal KernelArguments Arguments(string question, IReadOnlyList<AnswerSource> sources, IReadOnlyList<ConversationMessage> history, AnswerOptions options, AnswerSampling? sampling = null)
    {
        var defaults = _templates.Settings;
        var extension = new Dictionary<string, object>(defaults.ExtensionData ?? new Dictionary<string, object>(), StringComparer.Ordinal)
        {
            ["max_tokens"] = Math.Min(options.MaxAnswerTokens, sampling?.MaxTokens ?? int.MaxValue),
        };
        if (sampling?.Temperature is { } temperature)
        {
            extension["temperature"] = temperature;
        }

        if (options.ConstrainCitations)
        {
            extension[AnswerOptions.GrammarProperty] = CitedClaimsGrammar(sources.Count);
        }

        var settings = new PromptExecutionSettings { ExtensionData = extension, FunctionChoiceBehavior = defaults.FunctionChoiceBehavior };
        return new KernelArguments(settings)
        {
            ["question"] = question,
            ["sources"] = Sources(sources, options.MaxSourceCharacters),
            ["history"] = History(history, options.HistoryMessages),
        };
    }

    /// <summary>«[1] Уголовный кодекс РК, ст. 188. Кража», the norm's text below it, a blank line between norms.</summary>
    internal static string Sources(IReadOnlyList<AnswerSource> sources, int maxCharacters)
    {
        var block = new StringBuilder();
        foreach (var source in sources)
        {
            var text = source.Text.Length > maxCharacters ? source.Text[..maxCharacters] + "…" : source.Text;
            block.Append(CultureInfo.InvariantCulture, $"[{source.Number}] {source.Citation}");
            if (!string.IsNullOrEmpty(source.Heading))
            {
                block.Append(". ").Append(source.Heading);
            }

            block.Append('\n').Append(text).Append("\n\n");
        }

        return block.ToString().TrimEnd();
    }

    /// <summary>The last messages of the conversation as Semantic Kernel's message elements, their text escaped.</summary>
    internal static string History(IReadOnlyList<ConversationMessage> history, int count)
    {
        var block = new StringBuilder();
        foreach (var message in history.TakeLast(count))
        {
            var role = message.Role == ConversationRole.User ? "user" : "assistant";
            block.Append(CultureInfo.InvariantCulture, $"<message role=\"{role}\">{WebUtility.HtmlEncode(message.Content)}</message>\n");
        }

        return block.ToString();
    }

    /// <summary>
    /// GBNF for answers made of claims that each open with the marker of a given source: «[2] Кража наказывается
    /// штрафом.» The marker comes first, so an answer cut short by the token limit still cites its source.
    /// </summary>
    internal static string CitedClaimsGrammar(int sourceCount)
    {
        var numbers = string.Join(" | ", Enumerable.Range(1, sourceCount).Select(n => string.Create(CultureInfo.InvariantCulture, $"\"{n}\"")));
        return $"""
            root ::= claim (" " claim)*
            claim ::= "[" source "] " text "."
            text ::= [^\[\]\n.]+
            source ::= {numbers}
            """;
    }
}
