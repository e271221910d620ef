namespace Assistant.Api.Resources;

/// <summary>
/// The Russian (ProblemTexts.ru.resx) and Kazakh (ProblemTexts.kk.resx) wording of problem titles and details, keyed
/// by their English text as the code writes it, read through IStringLocalizer&lt;ProblemTexts&gt;; English is the text itself.
/// </summary>
internal sealed class ProblemTexts;
