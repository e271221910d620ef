namespace Assistant.Core.Answers;

/// <summary>How answers are grounded (configuration section "Answers").</summary>
public sealed class AnswerOptions
{
    public const string Section = "Answers";

    /// <summary>
    /// ChatOptions.AdditionalProperties key under which a GBNF grammar is passed to the chat client (the llama.cpp
    /// client reads it; others ignore it).
    /// </summary>
    public const string GrammarProperty = "llama.grammar";

    /// <summary>
    /// The folder of the prompt templates (<c>answer/config.json</c>, <c>answer/ru.txt</c>, <c>answer/kk.txt</c>);
    /// a relative path is taken from the program's folder, where the build copies the repository's <c>prompts/</c>.
    /// </summary>
    public string PromptsPath { get; set; } = "prompts";

    /// <summary>Sources given to the model.</summary>
    public int Sources { get; set; } = 6;

    /// <summary>
    /// Below this share of the question's terms found in the best sources (and no norm named in the question),
    /// the answer abstains without asking the model.
    /// </summary>
    public double MinTermCoverage { get; set; } = 0.3;

    /// <summary>Characters of a source's text put into the prompt; longer norms are cut.</summary>
    public int MaxSourceCharacters { get; set; } = 2_000;

    /// <summary>Earlier messages of the conversation given to the model.</summary>
    public int HistoryMessages { get; set; } = 4;

    /// <summary>
    /// Constrain the model's output with a grammar in which every claim opens with the marker of a given source,
    /// so that an answer can never go uncited (for models that do not follow the instruction on their own).
    /// </summary>
    public bool ConstrainCitations { get; set; }

    public int MaxAnswerTokens { get; set; } = 512;

    /// <summary>
    /// With a chat model, restate each question in legal terms (a Kazakh one in Russian too) and search those beside
    /// it (<see cref="QuestionRewriter"/>); without one this does nothing.
    /// </summary>
    public bool RewriteQuestions { get; set; } = true;
}
