namespace Assistant.Core.Drafts;

/// <summary>Where drafts are kept, apart from the acts in force.</summary>
public interface IDraftStore
{
    /// <summary>Saves a new draft and gives it back with its id and creation time.</summary>
    Task<Draft> AddAsync(Draft draft, CancellationToken cancellationToken);

    /// <summary>The draft, or null when no draft has the id.</summary>
    Task<Draft?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Drafts newest first, without their text, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<Draft>> ListAsync(int limit, CancellationToken cancellationToken);
}
