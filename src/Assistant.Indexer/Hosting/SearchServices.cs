using Assistant.Core.Retrieval;
using Assistant.Indexer.Commands;
using Assistant.Inference.Embeddings;
using Assistant.Inference.Reranking;
using Assistant.Storage.Catalog;
using Assistant.Storage.Retrieval;

namespace Assistant.Indexer.Hosting;

/// <summary>
/// The catalog with, when a mode needs them, the configured vector store and embedding model: what search and eval
/// rank with. Owns all three.
/// </summary>
internal sealed class SearchServices : IDisposable
{
    private readonly VectorStore? _vectors;
    private readonly OnnxEmbeddingGenerator? _embedder;

    private SearchServices(LegalCatalog catalog, VectorStore? vectors, OnnxEmbeddingGenerator? embedder, CatalogRetrieval retrieval)
    {
        Catalog = catalog;
        _vectors = vectors;
        _embedder = embedder;
        Retrieval = retrieval;
    }

    public LegalCatalog Catalog { get; }

    public CatalogRetrieval Retrieval { get; }

    /// <param name="mode">Lexical needs only the catalog; dense and hybrid need vectors built by 'indexer embed'.</param>
    /// <param name="thesaurus">Overrides Retrieval:Thesaurus: a file, or "none".</param>
    /// <param name="reranker">Overrides Retrieval:Reranker: a re-ranker folder, or "none".</param>
    public static async Task<SearchServices> OpenAsync(
        CommandContext context, LegalCatalog catalog, RetrievalMode mode, string? modelOverride, CancellationToken cancellationToken, string? thesaurus = null, string? reranker = null)
    {
        var fusion = context.Settings.Fusion;
        fusion = thesaurus is null ? fusion : fusion with { Thesaurus = thesaurus };
        fusion = reranker is null ? fusion : fusion with { Reranker = reranker };
        var terms = OpenThesaurus(fusion);
        var reorder = OpenReranker(fusion);
        if (mode == RetrievalMode.Lexical)
        {
            return new SearchServices(catalog, null, null, new CatalogRetrieval(catalog, new NormRanking(fusion), terms, reorder));
        }

        var options = context.Settings.Embeddings;
        var modelFolder = modelOverride ?? options.Model;
        if (!File.Exists(Path.Combine(modelFolder, EmbeddingModelFolder.ManifestFileName)))
        {
            throw new CommandException($"No embedding model at '{modelFolder}': run 'indexer embed' first, or pass --model.");
        }

        // Read-only, so that a search beside a running embed leaves the segments it is writing alone.
        var vectors = VectorStore.Open(context.Settings.Vectors, context.Loggers, readOnly: true)
            ?? throw new CommandException($"{mode.ToCode()} search needs a vector store, and Vectors:Store is 'none'.");
        OnnxEmbeddingGenerator? embedder = null;
        try
        {
            var info = await vectors.Index.GetInfoAsync(cancellationToken).ConfigureAwait(false);
            if (info.Count == 0)
            {
                throw new CommandException($"The {info.Store} vector index is empty: run 'indexer embed' first.");
            }

            embedder = OnnxEmbeddingGenerator.Open(modelFolder, options.GeneratorOptions());
            if (info.Shape is { } shape && shape.Model != embedder.Folder.Manifest.Name)
            {
                throw new CommandException(
                    $"The vector index holds vectors of model '{shape.Model}', but '{modelFolder}' is '{embedder.Folder.Manifest.Name}': run 'indexer embed' with this model.");
            }

            return new SearchServices(catalog, vectors, embedder, new CatalogRetrieval(catalog, vectors.Ranking(fusion, embedder), terms, reorder));
        }
        catch
        {
            embedder?.Dispose();
            vectors.Dispose();
            throw;
        }
    }

    private static Thesaurus? OpenThesaurus(FusionOptions fusion)
    {
        try
        {
            return fusion.OpenThesaurus();
        }
        catch (Exception e) when (e is IOException or FormatException)
        {
            throw new CommandException($"The thesaurus could not be read (Retrieval:Thesaurus, --thesaurus): {e.Message}");
        }
    }

    private static LearnedReranker? OpenReranker(FusionOptions fusion)
    {
        try
        {
            return fusion.RerankerFolder() is { } folder ? LearnedReranker.Load(folder) : null;
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            throw new CommandException($"The re-ranker could not be read (Retrieval:Reranker, --reranker): {e.Message}");
        }
    }

    public void Dispose()
    {
        _embedder?.Dispose();
        _vectors?.Dispose();
        Catalog.Dispose();
    }
}
