using Assistant.Core.Acts;

namespace Assistant.Core.Retrieval;

/// <summary>How the words of a thesaurus relation stand to each other.</summary>
public enum ThesaurusKind
{
    /// <summary>An everyday word and the legal term the acts use for it: applied from the everyday side only.</summary>
    Everyday,

    /// <summary>A Kazakh legal term and its Russian counterpart: applied both ways.</summary>
    Translation,

    /// <summary>An abbreviation and what it stands for: applied from the abbreviation only.</summary>
    Abbreviation,
}

public static class ThesaurusKinds
{
    /// <summary>The kind as the thesaurus file writes it: everyday, translation, abbreviation.</summary>
    public static string ToCode(this ThesaurusKind kind) => kind switch
    {
        ThesaurusKind.Everyday => "everyday",
        ThesaurusKind.Translation => "translation",
        ThesaurusKind.Abbreviation => "abbreviation",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}

/// <summary>A line of the thesaurus: words a user may write, the wording of the acts, and where the relation comes from.</summary>
public sealed record ThesaurusEntry(Language FromLanguage, string From, Language ToLanguage, string To, ThesaurusKind Kind, string Source);

/// <summary>A relation applied to a question: its words were all there, so the other side's words were searched too.</summary>
public sealed record AppliedExpansion(string From, string To, ThesaurusKind Kind, string Source);

/// <summary>
/// What the thesaurus added to a question: the relations applied, and each added term with its weight (below the
/// weight 1 of the user's own terms; a term the question already has is not added).
/// </summary>
public sealed record QueryExpansion(IReadOnlyList<AppliedExpansion> Applied, IReadOnlyDictionary<string, double> Terms)
{
    public static QueryExpansion None { get; } = new([], new Dictionary<string, double>(StringComparer.Ordinal));

    public bool IsEmpty => Terms.Count == 0;
}
