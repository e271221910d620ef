namespace Assistant.Core.Retrieval;

/// <summary>How lexical and dense rankings are fused (configuration section "Retrieval").</summary>
public sealed record FusionOptions
{
    /// <summary>
    /// Reciprocal rank fusion's k: a norm at rank r adds 1/(k + r). 60 is the value of Cormack et al.; smaller k lets
    /// the first few ranks of each side dominate.
    /// </summary>
    public int RrfK { get; init; } = 60;

    /// <summary>Lexical candidates fused, per question.</summary>
    public int LexicalDepth { get; init; } = 50;

    /// <summary>Dense candidates fused, per question.</summary>
    public int DenseDepth { get; init; } = 50;

    /// <summary>Weight of a lexical rank's contribution.</summary>
    public double LexicalWeight { get; init; } = 1.0;

    /// <summary>
    /// Weight of a dense rank's contribution. Below 1 the dense side mostly breaks ties and adds norms lexical search
    /// missed, which suits a weak (untrained static) model; a strong model earns 1.
    /// </summary>
    public double DenseWeight { get; init; } = 1.0;

    /// <summary>
    /// The thesaurus file the lexical side expands questions with; empty: the one beside the binaries
    /// (<see cref="Retrieval.Thesaurus.DefaultPath"/>); "none": questions are searched in their own words only.
    /// </summary>
    public string Thesaurus { get; init; } = string.Empty;

    /// <summary>The weight of a term the thesaurus adds, against 1 for the question's own words.</summary>
    public double ThesaurusWeight { get; init; } = 0.5;

    /// <summary>
    /// How much an act's authority (<see cref="ActAuthority"/>: references to it from other acts) lifts its lexical
    /// hits; 0 (the default: on Kazakh questions about local acts, which nothing cites, it cost more than it gained):
    /// relevance alone. Applied to the best <see cref="AuthorityDepth"/> lexical hits.
    /// </summary>
    public double AuthorityWeight { get; init; }

    /// <summary>Lexical hits re-ordered by authority, per question.</summary>
    public int AuthorityDepth { get; init; } = 100;

    /// <summary>
    /// The learned re-ranker's folder (model.zip, manifest.json, as <c>train-reranker</c> writes it); empty or "none"
    /// (the default): the first rankers' order stands. Off by default because the model trained here lifts questions
    /// about codes and laws and costs questions about bylaws (README, "The learned re-ranker").
    /// </summary>
    public string Reranker { get; init; } = string.Empty;

    /// <summary>Candidates the re-ranker orders, per question.</summary>
    public int RerankDepth { get; init; } = 100;

    /// <summary>The re-ranker folder to load, or null when re-ranking is off.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder named by <see cref="Reranker"/> is missing.</exception>
    public string? RerankerFolder()
    {
        if (Reranker.Length == 0 || string.Equals(Reranker, "none", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return Directory.Exists(Reranker)
            ? Reranker
            : throw new DirectoryNotFoundException($"Retrieval:Reranker names '{Reranker}', which is not a folder: train one with 'indexer train-reranker', or set it to none.");
    }

    /// <summary>The configured thesaurus, or null when it is off.</summary>
    /// <exception cref="FileNotFoundException">The file named is missing.</exception>
    /// <exception cref="FormatException">A line of it is malformed, named by path and line.</exception>
    public Thesaurus? OpenThesaurus()
    {
        if (string.Equals(Thesaurus, "none", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return Retrieval.Thesaurus.Load(Thesaurus.Length == 0 ? Retrieval.Thesaurus.DefaultPath : Thesaurus, ThesaurusWeight);
    }

    /// <summary>Throws when a value cannot work, naming it.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(RrfK, nameof(RrfK));
        ArgumentOutOfRangeException.ThrowIfLessThan(LexicalDepth, 1, nameof(LexicalDepth));
        ArgumentOutOfRangeException.ThrowIfLessThan(DenseDepth, 1, nameof(DenseDepth));
        ArgumentOutOfRangeException.ThrowIfNegative(LexicalWeight, nameof(LexicalWeight));
        ArgumentOutOfRangeException.ThrowIfNegative(DenseWeight, nameof(DenseWeight));
        ArgumentOutOfRangeException.ThrowIfNegative(AuthorityWeight, nameof(AuthorityWeight));
        ArgumentOutOfRangeException.ThrowIfLessThan(AuthorityDepth, 1, nameof(AuthorityDepth));
        ArgumentOutOfRangeException.ThrowIfLessThan(RerankDepth, 1, nameof(RerankDepth));
        if (!(ThesaurusWeight > 0 && ThesaurusWeight <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(ThesaurusWeight), ThesaurusWeight, "Retrieval:ThesaurusWeight must be above 0 and at most 1.");
        }
    }
}
