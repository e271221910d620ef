using System.CommandLine;
using System.Globalization;
using Assistant.Core.Text;
using Assistant.Core.Vectors;
using Assistant.Indexer.Terminal;
using Assistant.Inference.Embeddings;
using Assistant.Inference.Onnx;
using Assistant.Storage.Catalog;
using Assistant.Storage.Retrieval;

namespace Assistant.Indexer.Commands;

internal static class EmbedCommand
{
    /// <summary>Norms whose term counts estimate the average length BM25 normalises by.</summary>
    private const int LengthSample = 10_000;

    public static Command Create(CommandContext context)
    {
        var model = CliOptions.Model();
        var batch = new Option<int?>("--batch-size") { Description = "Texts per ONNX run (default: Embeddings:BatchSize, 64)" };
        var chunk = new Option<int>("--chunk")
        {
            Description = "Norms embedded and written together; a stopped run resumes after the last written chunk",
            DefaultValueFactory = _ => 2_048,
        };
        var device = new Option<OnnxDevice?>("--device") { Description = "cpu or cuda (default: Embeddings:Device)" };
        var threads = new Option<int?>("--threads") { Description = "ONNX Runtime threads (default: one per core)" };
        var command = new Command("embed", "Embed the catalog's current norms into the vector index; only new and changed norms are embedded")
        {
            model, batch, chunk, device, threads,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = context.Settings.Embeddings;
            var options = settings with
            {
                BatchSize = parse.GetValue(batch) ?? settings.BatchSize,
                Device = parse.GetValue(device) ?? settings.Device,
                Threads = parse.GetValue(threads) ?? settings.Threads,
            };
            var folder = parse.GetValue(model) ?? options.Model;
            if (parse.GetValue(model) is null && DefaultEmbeddingModel.EnsureAt(folder, options.Vocabulary))
            {
                Console.Error.WriteLine($"No embedding model was configured: wrote the untrained default model to {folder}.");
            }

            using var catalog = context.OpenExistingCatalog(parse);
            using var vectors = VectorStore.Open(context.Settings.Vectors, context.Loggers)
                ?? throw new CommandException("Vectors:Store is 'none': there is no vector index to embed into.");
            using var generator = OpenGenerator(folder, options);
            var manifest = generator.Folder.Manifest;
            var sparse = vectors.KeepsSparse ? SparseEncoder(catalog) : null;
            var embedding = new NormEmbedding(catalog, vectors.Index, generator, new VectorIndexShape(manifest.Dimensions, manifest.Name), sparse)
            {
                ChunkSize = parse.GetValue(chunk),
            };

            EmbedSummary summary;
            using (var bar = new ProgressBar("embed"))
            {
                var progress = new InlineProgress<EmbedProgress>(p => bar.Report(
                    p.Total == 0 ? 1 : (double)p.Scanned / p.Total,
                    string.Create(CultureInfo.InvariantCulture, $"{p.Scanned}/{p.Total} norms, {p.Embedded} to embed, {p.Unchanged} unchanged")));
                summary = await embedding.RunAsync(progress, cancellationToken);
            }

            var seconds = Math.Max(summary.Elapsed.TotalSeconds, 1e-9);
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Embedded with {manifest.Name} ({manifest.Dimensions} dims, ONNX Runtime {generator.ExecutionProvider}) into the {vectors.Index.Store} index in {summary.Elapsed.TotalSeconds:F1} s:"));
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  norms      {summary.Scanned} current, {summary.Embedded} embedded, {summary.Unchanged} unchanged, {summary.Deleted} removed"));
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  throughput {summary.Embedded / seconds:F0} norms/s, {summary.Tokens / seconds:F0} tokens/s"));
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  truncated  {generator.TruncatedInputs} norms longer than {manifest.MaxTokens} tokens"));
            return 0;
        });
        return command;
    }

    private static OnnxEmbeddingGenerator OpenGenerator(string folder, EmbeddingModelOptions options)
    {
        try
        {
            return OnnxEmbeddingGenerator.Open(folder, options.GeneratorOptions());
        }
        catch (Exception error) when (error is InvalidDataException or ExecutionProviderUnavailableException)
        {
            throw new CommandException(error.Message);
        }
    }

    /// <summary>BM25 term weights for stores with a sparse side, normalised by the average length of a sample of norms.</summary>
    private static Func<EmbeddableNorm, SparseVector> SparseEncoder(LegalCatalog catalog)
    {
        var lengths = catalog.ListEmbeddable().Take(LengthSample).Select(norm => TextAnalyzer.Terms(norm.Text, norm.Key.Language).Count).ToList();
        var encoder = new Bm25SparseEncoder(lengths.Count == 0 ? 1 : Math.Max(1, lengths.Average()));
        return norm => encoder.EncodeDocument(norm.Text, norm.Key.Language);
    }
}
