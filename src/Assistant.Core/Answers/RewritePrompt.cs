using Assistant.Core.Acts;
using Microsoft.SemanticKernel;

namespace Assistant.Core.Answers;

/// <summary>
/// The prompt a question is restated in legal terms from, <c>prompts/rewrite/</c>. The code owns the grammar: a JSON
/// object with the restated question, and for a Kazakh question its Russian wording too, each one bounded line.
/// </summary>
public sealed class RewritePrompt
{
    public const string Name = "rewrite";

    /// <summary>Long enough for a question in the words of a code, short enough that a rewrite cannot wander.</summary>
    internal const int MaxCharacters = 240;

    public static IReadOnlyList<PromptVariable> Variables { get; } = [new("question", Required: true)];

    private readonly PromptTemplateSet _templates;

    private RewritePrompt(PromptTemplateSet templates) => _templates = templates;

    /// <summary>Reads <c>&lt;promptsFolder&gt;/rewrite/</c>.</summary>
    /// <exception cref="PromptTemplateException">A template is missing or wrong.</exception>
    public static RewritePrompt Load(string promptsFolder) => new(PromptTemplateSet.Load(promptsFolder, Name, Variables));

    internal KernelFunction For(Language language) => _templates.For(language);

    internal KernelArguments Arguments(string question, Language language, int maxTokens)
    {
        var extension = new Dictionary<string, object>(_templates.Settings.ExtensionData ?? new Dictionary<string, object>(), StringComparer.Ordinal)
        {
            ["max_tokens"] = maxTokens,
            [AnswerOptions.GrammarProperty] = Grammar(language),
        };
        return new KernelArguments(new PromptExecutionSettings { ExtensionData = extension }) { ["question"] = question };
    }

    /// <summary>GBNF for {"legal": "…"}, and for a Kazakh question {"legal": "…", "russian": "…"}.</summary>
    internal static string Grammar(Language language)
    {
        var fields = language == Language.Kk ? "\"{\\\"legal\\\": \\\"\" text \"\\\", \\\"russian\\\": \\\"\" text \"\\\"}\"" : "\"{\\\"legal\\\": \\\"\" text \"\\\"}\"";
        return $$"""
            root ::= {{fields}}
            text ::= [^"\\\n]{1,{{MaxCharacters}}}
            """;
    }
}
