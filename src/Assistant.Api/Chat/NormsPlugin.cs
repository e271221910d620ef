using System.ComponentModel;
using Assistant.Core.Acts;
using Assistant.Core.Answers;
using Assistant.Core.Norms;
using Assistant.Storage.Catalog;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;

namespace Assistant.Api.Chat;

/// <summary>
/// Retrieval and norm look-up as kernel functions (plugin "norms"), so that a model that calls tools can search the
/// law in force and read norms itself: the same retrieval the chat answers from, and the catalog. A norm a model
/// reads this way is not a numbered source, so an answer still cites only the sources it was given.
/// </summary>
internal sealed class NormsPlugin(INormRetriever retriever, LegalCatalog catalog, IOptions<AnswerOptions> options)
{
    public const string Name = "norms";

    public const int MaxTop = 20;

    [KernelFunction("search_norms")]
    [Description("Searches the norms of the acts in force for a question, words of a norm or a citation («ст. 188 УК», «88-бап Еңбек кодексі»); returns the best norms, best first, with id, citation, heading and text.")]
    public async Task<IReadOnlyList<FoundNorm>> SearchNormsAsync(
        [Description("What to search for, in Russian or Kazakh.")] string query,
        [Description("ru or kk: only norms in that language; empty: both.")] string? lang = null,
        [Description("How many norms, 1 to 20.")] int top = 5,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            throw new ArgumentException("query is empty: give the words or citation to search for.", nameof(query));
        }

        if (top is < 1 or > MaxTop)
        {
            throw new ArgumentOutOfRangeException(nameof(top), top, $"top is {top}: ask for 1 to {MaxTop} norms.");
        }

        var found = await retriever.RetrieveAsync(query, new RetrievalFilters(Language(lang)), top, cancellationToken).ConfigureAwait(false);
        return [.. found.Select(norm => new FoundNorm(norm.Id.ToString(), norm.Language.ToCode(), norm.Citation, norm.Heading, Cut(norm.Text)))];
    }

    [KernelFunction("get_norm")]
    [Description("One norm by its id (K1500000414/art:88/p:1): citation, heading, text, edition, whether it is excluded, and its Adilet page; null when the catalog has no such norm.")]
    public CatalogNorm? GetNorm(
        [Description("The norm id: <ACT>/art:<N>[/p:<P>[/sp:<S>]] or <ACT>/p:<P>[/sp:<S>].")] string id,
        [Description("ru or kk; empty: Russian when the catalog has it, else Kazakh.")] string? lang = null)
    {
        if (!NormId.TryParse(id, out var normId))
        {
            throw new ArgumentException($"id is '{id}', not a norm id: expected <ACT>/art:<N>[/p:<P>[/sp:<S>]] or <ACT>/p:<P>[/sp:<S>].", nameof(id));
        }

        return catalog.GetNorm(normId, Language(lang)) is { } norm
            ? new CatalogNorm(norm.Id.ToString(), norm.Language.ToCode(), norm.Citation, norm.Heading, Cut(norm.Text), norm.Edition, norm.IsCurrentEdition, norm.Status == NormStatus.Excluded, norm.AdiletUrl)
            : null;
    }

    private static Language? Language(string? lang) => string.IsNullOrWhiteSpace(lang)
        ? null
        : LanguageCodes.TryParse(lang, out var language) ? language : throw new ArgumentException($"lang is '{lang}': use ru or kk, or leave it empty.", nameof(lang));

    /// <summary>As long as a source in the answer prompt may be: a model's context is the limit either way.</summary>
    private string Cut(string text) => text.Length > options.Value.MaxSourceCharacters ? text[..options.Value.MaxSourceCharacters] + "…" : text;
}

/// <summary>A norm search_norms found.</summary>
public sealed record FoundNorm(string Id, string Lang, string Citation, string? Heading, string Text);

/// <summary>A norm get_norm read from the catalog.</summary>
/// <param name="CurrentEdition">From the act's edition in force; false: an older edition, named by <paramref name="Edition"/>.</param>
public sealed record CatalogNorm(string Id, string Lang, string Citation, string? Heading, string Text, string? Edition, bool CurrentEdition, bool Excluded, Uri Adilet);
