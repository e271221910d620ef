using Microsoft.Extensions.AI;

namespace Assistant.Core.Vectors;

/// <summary>
/// Whether a text is embedded as a question or as a passage to be found: asymmetric models (e5: «query: »,
/// «passage: ») embed the two differently. Passed to an embedding generator through its options.
/// </summary>
public enum EmbeddingPurpose
{
    Passage,
    Query,
}

public static class EmbeddingPurposes
{
    /// <summary>The key of <see cref="EmbeddingGenerationOptions.AdditionalProperties"/> that carries the purpose.</summary>
    public const string OptionKey = "raglegal.embedding_purpose";

    public static EmbeddingGenerationOptions Options(this EmbeddingPurpose purpose) =>
        new() { AdditionalProperties = new() { [OptionKey] = purpose } };

    /// <summary>The purpose the options ask for; passages when they name none.</summary>
    /// <exception cref="ArgumentException">The options carry something other than an <see cref="EmbeddingPurpose"/>.</exception>
    public static EmbeddingPurpose Of(EmbeddingGenerationOptions? options)
    {
        if (options?.AdditionalProperties?.TryGetValue(OptionKey, out var value) != true)
        {
            return EmbeddingPurpose.Passage;
        }

        return value switch
        {
            EmbeddingPurpose purpose => purpose,
            string text when Enum.TryParse<EmbeddingPurpose>(text, ignoreCase: true, out var parsed) => parsed,
            _ => throw new ArgumentException($"Option '{OptionKey}' must be 'query' or 'passage', not '{value}'.", nameof(options)),
        };
    }
}
