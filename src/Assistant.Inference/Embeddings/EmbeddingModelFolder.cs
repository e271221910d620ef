using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Assistant.Inference.Embeddings;

/// <summary>
/// A folder models/embed/&lt;name&gt;/ holding manifest.json, the ONNX graph and the tokenizer file it names.
/// </summary>
public sealed class EmbeddingModelFolder
{
    public const string ManifestFileName = "manifest.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private EmbeddingModelFolder(string directory, EmbeddingModelManifest manifest)
    {
        Directory = directory;
        Manifest = manifest;
    }

    public string Directory { get; }

    public EmbeddingModelManifest Manifest { get; }

    public string ManifestPath => Path.Combine(Directory, ManifestFileName);

    public string ModelPath => Path.Combine(Directory, Manifest.Model);

    public string TokenizerPath => Path.Combine(Directory, Manifest.Tokenizer);

    /// <summary>Reads and checks the manifest and that the files it names exist.</summary>
    /// <exception cref="InvalidDataException">The folder, manifest or a named file is missing or wrong; the message names the file and field.</exception>
    public static EmbeddingModelFolder Load(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var manifestPath = Path.Combine(directory, ManifestFileName);
        if (!File.Exists(manifestPath))
        {
            throw new InvalidDataException($"'{manifestPath}' does not exist: '{directory}' is not an embedding model folder.");
        }

        EmbeddingModelManifest manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<EmbeddingModelManifest>(File.ReadAllText(manifestPath), Json)
                ?? throw new InvalidDataException($"'{manifestPath}' holds null, not a manifest.");
        }
        catch (JsonException error)
        {
            throw new InvalidDataException($"'{manifestPath}' is not a valid manifest (at {error.Path ?? "$"}): {error.Message}", error);
        }

        var folder = new EmbeddingModelFolder(directory, manifest);
        folder.Check();
        return folder;
    }

    /// <summary>
    /// Writes a folder for a static model: its graph as model.onnx, a copy of its vocabulary and a manifest with
    /// pooling "none" (the graph pools) and the graph's input and output names. <paramref name="manifest"/> supplies
    /// the name, prefixes and max tokens; its file and tensor names are replaced.
    /// </summary>
    public static EmbeddingModelFolder WriteStatic(
        string directory, StaticEmbeddingModel model, string vocabularyPath, EmbeddingModelManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(manifest);
        System.IO.Directory.CreateDirectory(directory);
        var written = manifest with
        {
            Dimensions = model.Dimensions,
            Pooling = EmbeddingPooling.None,
            Model = "model.onnx",
            Tokenizer = "tokenizer" + Path.GetExtension(vocabularyPath),
            InputIdsName = StaticEmbeddingGraph.InputIds,
            AttentionMaskName = StaticEmbeddingGraph.AttentionMask,
            TokenTypeIdsName = null,
            OutputName = StaticEmbeddingGraph.Output,
        };
        StaticEmbeddingGraph.Build(model).Save(Path.Combine(directory, written.Model));
        File.Copy(vocabularyPath, Path.Combine(directory, written.Tokenizer), overwrite: true);
        WriteManifest(directory, written);
        return Load(directory);
    }

    public static void WriteManifest(string directory, EmbeddingModelManifest manifest) =>
        File.WriteAllText(Path.Combine(directory, ManifestFileName), JsonSerializer.Serialize(manifest, Json));

    /// <summary>Checks the graph's declared inputs and output against the manifest.</summary>
    /// <exception cref="InvalidDataException">A named tensor is missing or its shape contradicts the manifest.</exception>
    internal void CheckAgainst(InferenceSession session)
    {
        foreach (var (field, name) in new[]
        {
            ("inputIdsName", Manifest.InputIdsName),
            ("attentionMaskName", Manifest.AttentionMaskName),
            ("tokenTypeIdsName", Manifest.TokenTypeIdsName),
        })
        {
            if (name is not null && !session.InputMetadata.ContainsKey(name))
            {
                throw Invalid(field, $"names input '{name}', which '{ModelPath}' does not take (its inputs: {string.Join(", ", session.InputMetadata.Keys)})");
            }
        }

        if (!session.OutputMetadata.TryGetValue(Manifest.OutputName, out var output))
        {
            throw Invalid("outputName", $"names output '{Manifest.OutputName}', which '{ModelPath}' does not produce (its outputs: {string.Join(", ", session.OutputMetadata.Keys)})");
        }

        var expectedRank = Manifest.Pooling == EmbeddingPooling.None ? 2 : 3;
        var shape = output.IsTensor ? output.Dimensions : [];
        if (shape.Length != expectedRank)
        {
            throw Invalid("pooling", $"is '{Manifest.Pooling.ToString().ToLowerInvariant()}', which needs a rank-{expectedRank} output, but '{Manifest.OutputName}' has rank {shape.Length}");
        }

        if (shape[^1] > 0 && shape[^1] != Manifest.Dimensions)
        {
            throw Invalid("dimensions", $"is {Manifest.Dimensions}, but output '{Manifest.OutputName}' has {shape[^1]}");
        }

        if (output.ElementDataType != TensorElementType.Float)
        {
            throw Invalid("outputName", $"names output '{Manifest.OutputName}', which holds {output.ElementDataType} elements, not Float");
        }
    }

    private void Check()
    {
        if (string.IsNullOrWhiteSpace(Manifest.Name))
        {
            throw Invalid("name", "is empty");
        }

        if (Manifest.Dimensions < 1)
        {
            throw Invalid("dimensions", $"is {Manifest.Dimensions}; it must be positive");
        }

        if (Manifest.MaxTokens < 2)
        {
            throw Invalid("maxTokens", $"is {Manifest.MaxTokens}; it must be at least 2");
        }

        if (!File.Exists(ModelPath))
        {
            throw Invalid("model", $"names '{ModelPath}', which does not exist");
        }

        if (!File.Exists(TokenizerPath))
        {
            throw Invalid("tokenizer", $"names '{TokenizerPath}', which does not exist");
        }
    }

    private InvalidDataException Invalid(string field, string problem) => new($"'{ManifestPath}': field '{field}' {problem}.");
}
