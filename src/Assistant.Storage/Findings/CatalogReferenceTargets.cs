using System.Globalization;
using Assistant.Core.Acts;
using Assistant.Core.Findings;
using Assistant.Core.Norms;
using Assistant.Storage.Catalog;
using Microsoft.Data.Sqlite;

namespace Assistant.Storage.Findings;

/// <summary>The broken-reference analysis's view of the catalog: resolved references, act statuses, and where a target norm stands.</summary>
public sealed class CatalogReferenceTargets(LegalCatalog catalog) : IReferenceTargets
{
    public Task<FindingAct?> CurrentAsync(string actId, Language language, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(CatalogActs.Current(catalog, actId, language));
    }

    public Task<IReadOnlyList<ResolvedReference>> ReferencesAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<ResolvedReference> resolved = [.. catalog.StoredReferences()
            .Where(r => r.TargetActId is not null)
            .Select(r => new ResolvedReference(
                r.From,
                r.Language,
                r.Text,
                r.TargetActId!,
                r.TargetNormId is null ? null : StoredNormId.Read(r.TargetActId!, r.TargetNormId)))];
        return Task.FromResult(resolved);
    }

    public Task<IReadOnlyList<CatalogActStatus>> ActsAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<CatalogActStatus> acts = [.. catalog.ListActs().Select(a => new CatalogActStatus(a.Id, a.Language, a.Title, a.Kind, a.Status))];
        return Task.FromResult(acts);
    }

    public Task<IReadOnlyDictionary<string, int>> InboundAsync(Language language, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(CatalogInbound.Count(catalog, language));
    }

    public Task<IReadOnlyDictionary<NormId, NormPresence>> PresenceAsync(IReadOnlyCollection<NormId> norms, Language language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(norms);
        var found = new Dictionary<NormId, NormPresence>();
        if (norms.Count == 0)
        {
            return Task.FromResult<IReadOnlyDictionary<NormId, NormPresence>>(found);
        }

        using var connection = CatalogFile.OpenReader(catalog.Path);
        foreach (var norm in norms)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var stored = Languages(connection, norm.ActId, language);
            if (stored is { } inLanguage)
            {
                found[norm] = Presence(connection, norm, inLanguage);
            }
        }

        return Task.FromResult<IReadOnlyDictionary<NormId, NormPresence>>(found);
    }

    /// <summary>The reference's language where the act has a current edition in it, else the other one; null when it has neither.</summary>
    private static Language? Languages(SqliteConnection connection, string actId, Language language)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT language FROM acts WHERE id = $act AND is_current = 1";
        command.Parameters.AddWithValue("$act", actId);
        using var reader = command.ExecuteReader();
        var languages = new List<Language>();
        while (reader.Read())
        {
            languages.Add(LanguageCodes.Parse(reader.GetString(0)));
        }

        return languages.Contains(language) ? language : languages.Count > 0 ? languages[0] : null;
    }

    private static NormPresence Presence(SqliteConnection connection, NormId norm, Language language)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT a.is_current, a.edition, n.status, coalesce(n.heading || char(10), '') || n.text
            FROM norms n JOIN acts a ON a.act_key = n.act_key
            WHERE n.norm_id = $id AND a.id = $act AND a.language = $language
            ORDER BY a.is_current DESC, a.edition DESC
            LIMIT 1
            """;
        command.Parameters.AddWithValue("$id", norm.ToString());
        command.Parameters.AddWithValue("$act", norm.ActId);
        command.Parameters.AddWithValue("$language", language.ToCode());
        using (var reader = command.ExecuteReader())
        {
            if (reader.Read())
            {
                var text = reader.GetString(3);
                if (reader.GetInt64(0) == 0)
                {
                    return new NormPresence(NormPresenceKind.OlderEdition, reader.GetString(1), text);
                }

                return reader.GetString(2) == nameof(NormStatus.Excluded)
                    ? new NormPresence(NormPresenceKind.Excluded, null, text)
                    : new NormPresence(NormPresenceKind.Current, null, text);
            }
        }

        return FromBulkRecord(connection, norm.ActId, language) ? new NormPresence(NormPresenceKind.Unjudged, null, null) : Missing(connection, norm, language);
    }

    /// <summary>
    /// Whether the act's current edition was read from a record of the bulk corpus: those leave inserted articles out,
    /// parse some annex tables into articles and a few hold another law's text, so a norm missing from one says
    /// nothing of the law. The Adilet texts are read article by article with their numbering.
    /// </summary>
    private static bool FromBulkRecord(SqliteConnection connection, string actId, Language language)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT source FROM acts WHERE id = $act AND language = $language AND is_current = 1";
        command.Parameters.AddWithValue("$act", actId);
        command.Parameters.AddWithValue("$language", language.ToCode());
        return command.ExecuteScalar() is string source && source.Contains(".jsonl", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// A missing norm, with the numbers its parent holds instead; where the catalog's text may lack it, unjudged
    /// (<see cref="NormPresenceKind.Unjudged"/>).
    /// </summary>
    private static NormPresence Missing(SqliteConnection connection, NormId norm, Language language)
    {
        NormId? parent = norm.Subpoint is not null ? new NormId(norm.ActId, norm.Article, norm.Point)
            : norm.Point is not null && norm.Article is not null ? norm.TopLevel
            : null;
        using var command = connection.CreateCommand();
        command.CommandText = parent is null
            ? """
              SELECT 1, n.number FROM norms n JOIN acts a ON a.act_key = n.act_key
              WHERE a.id = $act AND a.language = $language AND a.is_current = 1 AND n.parent_key IS NULL
              ORDER BY n.ordinal
              """
            : """
              SELECT 1, c.number FROM norms p JOIN acts a ON a.act_key = p.act_key LEFT JOIN norms c ON c.parent_key = p.norm_key
              WHERE a.id = $act AND a.language = $language AND a.is_current = 1 AND p.norm_id = $parent
              ORDER BY c.ordinal
              """;
        command.Parameters.AddWithValue("$act", norm.ActId);
        command.Parameters.AddWithValue("$language", language.ToCode());
        command.Parameters.AddWithValue("$parent", parent?.ToString() ?? string.Empty);
        using var reader = command.ExecuteReader();
        var numbers = new List<string>();
        var parentFound = false;
        while (reader.Read())
        {
            parentFound = true;
            if (!reader.IsDBNull(1))
            {
                numbers.Add(reader.GetString(1));
            }
        }

        if ((parent is null && (numbers.Count == 0 || MayBeLeftOut(norm.Article, numbers))) || (parent is not null && parentFound && numbers.Count == 0))
        {
            return new NormPresence(NormPresenceKind.Unjudged, null, null);
        }

        if (parent is not null && !parentFound)
        {
            // The article (or point) above is missing too: judged as the article would be.
            return Missing(connection, parent.Value, language) is { Kind: NormPresenceKind.Unjudged } above
                ? above
                : new NormPresence(NormPresenceKind.Missing, null, $"в действующей редакции нет и {parent}");
        }

        var what = parent is null ? "статьи" : norm.Subpoint is not null ? "подпункты" : "пункты";
        return new NormPresence(NormPresenceKind.Missing, null, string.Create(CultureInfo.InvariantCulture, $"в действующей редакции {parent?.ToString() ?? norm.ActId} есть {what}: {Numbers(numbers)}"));
    }

    /// <summary>An inserted article whose base the act has («15-1» beside «15»), or a number outside those the act holds.</summary>
    private static bool MayBeLeftOut(string? article, List<string> numbers)
    {
        if (article is null)
        {
            return false;
        }

        var dash = article.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0 && numbers.Contains(article[..dash]))
        {
            return true;
        }

        var held = numbers.Select(Leading).OfType<int>().ToList();
        return Leading(article) is { } number && held.Count > 0 && (number < held.Min() || number > held.Max());
    }

    private static int? Leading(string number)
    {
        var digits = number.TakeWhile(char.IsDigit).ToArray();
        return digits.Length > 0 && int.TryParse(digits, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    /// <summary>The numbers as a short list: the first and last few of a long one.</summary>
    private static string Numbers(List<string> numbers) => numbers.Count <= 12
        ? string.Join(", ", numbers)
        : string.Join(", ", numbers.Take(5)) + " … " + string.Join(", ", numbers.TakeLast(5)) + $" (всего {numbers.Count})";
}
