using System.Collections.Concurrent;
using System.Text.Json;
using Assistant.Core.Retrieval.Reranking;
using Microsoft.ML;

namespace Assistant.Inference.Reranking;

/// <summary>
/// The re-ranker <c>train-reranker</c> writes: LambdaMART trees (ML.NET FastTree ranking) over
/// <see cref="RerankFeatures"/>, read from a folder holding model.zip and manifest.json.
/// </summary>
public sealed class LearnedReranker : INormReranker
{
    public const string ModelFileName = "model.zip";
    public const string ManifestFileName = "manifest.json";

    private readonly MLContext _ml;
    private readonly ITransformer _model;

    // A prediction engine is not thread-safe and costs a few milliseconds to make: searches borrow one each.
    private readonly ConcurrentBag<PredictionEngine<RerankRow, RerankScore>> _engines = [];

    private LearnedReranker(string name, MLContext ml, ITransformer model, RerankerManifest manifest)
    {
        Name = name;
        _ml = ml;
        _model = model;
        Manifest = manifest;
    }

    public string Name { get; }

    public RerankerManifest Manifest { get; }

    /// <exception cref="FileNotFoundException">The folder lacks model.zip or manifest.json.</exception>
    /// <exception cref="InvalidDataException">The manifest is unreadable, or names other features than this build computes.</exception>
    public static LearnedReranker Load(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var manifestPath = Path.Combine(folder, ManifestFileName);
        var modelPath = Path.Combine(folder, ModelFileName);
        foreach (var path in new[] { manifestPath, modelPath }.Where(p => !File.Exists(p)))
        {
            throw new FileNotFoundException($"The re-ranker folder '{folder}' has no {Path.GetFileName(path)}: run 'indexer train-reranker' or set Retrieval:Reranker to none.", path);
        }

        RerankerManifest manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<RerankerManifest>(File.ReadAllText(manifestPath), RerankerJson.Options)
                ?? throw new InvalidDataException($"'{manifestPath}' is empty.");
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"'{manifestPath}' is not a re-ranker manifest: {exception.Message}", exception);
        }

        if (!manifest.Features.SequenceEqual(RerankFeatures.Names))
        {
            throw new InvalidDataException(
                $"The re-ranker in '{folder}' was trained on the features [{string.Join(", ", manifest.Features)}], this build computes [{string.Join(", ", RerankFeatures.Names)}]: train it again with 'indexer train-reranker'.");
        }

        var ml = new MLContext(seed: manifest.Seed);
        using var stream = File.OpenRead(modelPath);
        var model = ml.Model.Load(stream, out _);
        return new LearnedReranker(Path.GetFullPath(folder), ml, model, manifest);
    }

    public IReadOnlyList<double> Score(IReadOnlyList<float[]> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var engine = _engines.TryTake(out var free) ? free : _ml.Model.CreatePredictionEngine<RerankRow, RerankScore>(_model);
        try
        {
            var scores = new double[features.Count];
            var row = new RerankRow();
            for (var i = 0; i < features.Count; i++)
            {
                row.Features = features[i];
                scores[i] = engine.Predict(row).Score;
            }

            return scores;
        }
        finally
        {
            _engines.Add(engine);
        }
    }
}
