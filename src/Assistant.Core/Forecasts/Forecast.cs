using Assistant.Core.Acts;
using Assistant.Core.Drafts;

namespace Assistant.Core.Forecasts;

/// <summary>
/// What a draft law would change and break, each finding naming the norms it rests on. The deterministic part needs no
/// model; <see cref="Narrative"/>, the consequences by area, is a model's and says why it is absent when it is.
/// </summary>
/// <param name="Acts">Per amended act: the edition the draft was applied to and the norms it changes, with redlines.</param>
/// <param name="Affected">Every norm an instruction adds, changes or repeals, at the depth the instruction names it.</param>
/// <param name="Dependents">Norms of the catalog, in force, that refer to an affected norm, with the referring sentence.</param>
/// <param name="BrokenReferences">Dependents whose target the draft repeals: after it they point at nothing.</param>
/// <param name="Terms">Definitions the draft changes, adds or repeals, with the norms of the act that use the term.</param>
/// <param name="Findings">Breaches of the drafting rules (Law on legal acts, chapter 4) and instructions that cannot be applied.</param>
/// <param name="FollowUps">Delegations in the new text: bylaws to adopt or amend.</param>
/// <param name="Conflicts">Norms of other acts on the same subject as a new or changed norm, with other values or the same text; empty when the forecast was built without neighbours.</param>
public sealed record Forecast(
    string Title,
    Language Language,
    IReadOnlyList<Consolidation> Acts,
    IReadOnlyList<AffectedNorm> Affected,
    IReadOnlyList<DependentNorm> Dependents,
    IReadOnlyList<DependentNorm> BrokenReferences,
    IReadOnlyList<ChangedTerm> Terms,
    IReadOnlyList<DraftingFinding> Findings,
    IReadOnlyList<FollowUpAct> FollowUps,
    IReadOnlyList<PossibleConflict> Conflicts,
    ForecastNarrative Narrative);

public enum AffectedChange
{
    Added,
    Changed,
    Repealed,
}

/// <param name="Id">The norm the instruction names (<c>K1500000414/art:22/p:2</c>), or the one it adds.</param>
/// <param name="Lines">The draft's lines whose instructions touch it.</param>
public sealed record AffectedNorm(string Id, AffectedChange Change, IReadOnlyList<int> Lines);

/// <summary>A norm in force that refers to an affected norm.</summary>
/// <param name="From">The referring norm (the deepest one that holds the reference).</param>
/// <param name="Citation">The referring norm as it is cited («Закон РК «О …», ст. 5, п. 2»).</param>
/// <param name="Reference">The referring phrase as printed («пунктом 2 статьи 22 Трудового кодекса»).</param>
/// <param name="Target">The norm the phrase names.</param>
/// <param name="Affected">The affected norm it depends on: the target itself, a part of it, or the article it belongs to.</param>
/// <param name="Sentence">The sentence of <paramref name="From"/> that holds the reference.</param>
public sealed record DependentNorm(string From, string Citation, string Reference, string Target, string Affected, string Sentence);

/// <summary>A definition of an «Основные понятия» article the draft touches, and the norms of the act using its term.</summary>
/// <param name="Definition">The defining norm (<c>K1500000414/art:1/p:1/sp:18</c>).</param>
/// <param name="UsedIn">Top-level norms of the act, other than the definitions article, whose text uses the term once the draft is applied.</param>
public sealed record ChangedTerm(string Definition, string Term, AffectedChange Change, IReadOnlyList<string> UsedIn);

/// <summary>A rule a draft breaks.</summary>
/// <param name="Rule">A stable name: nonexistent-target, repealed-target, words-absent, ambiguous-target, inserted-number, entry-into-force, act-not-in-force, language-mismatch.</param>
/// <param name="Line">The draft's line, where one is to blame.</param>
/// <param name="Norms">The norms the finding rests on.</param>
public sealed record DraftingFinding(string Rule, int? Line, string Message, IReadOnlyList<string> Norms);

/// <summary>A delegation in a norm's new text: a bylaw the draft calls for.</summary>
/// <param name="Norm">The norm whose new text delegates.</param>
/// <param name="Body">Who adopts it: the Government, the authorized body, a ministry…</param>
/// <param name="Phrase">The delegating words («в порядке, определяемом Правительством Республики Казахстан»).</param>
/// <param name="Existing">Bylaws in force that may already serve it, to amend rather than adopt: those referring to the norm's article, then those whose title fits.</param>
public sealed record FollowUpAct(string Norm, string Body, string Phrase, string Sentence, IReadOnlyList<BylawMatch> Existing);
