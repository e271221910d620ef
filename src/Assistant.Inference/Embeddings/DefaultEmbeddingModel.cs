namespace Assistant.Inference.Embeddings;

/// <summary>The model the indexer falls back on when none is configured: the hashed-vocabulary static model.</summary>
public static class DefaultEmbeddingModel
{
    public const string Name = "hashed-xlmr-static-256";

    /// <summary>Writes the default model into <paramref name="directory"/> unless a model folder is already there.</summary>
    /// <returns>True when it wrote one.</returns>
    /// <exception cref="FileNotFoundException">The vocabulary to build it from is missing.</exception>
    /// <exception cref="InvalidDataException">The directory holds other files.</exception>
    public static bool EnsureAt(string directory, string vocabularyPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        if (File.Exists(Path.Combine(directory, EmbeddingModelFolder.ManifestFileName)))
        {
            return false;
        }

        if (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any())
        {
            throw new InvalidDataException($"'{directory}' holds files but no {EmbeddingModelFolder.ManifestFileName}: it is not an embedding model folder.");
        }

        if (!File.Exists(vocabularyPath))
        {
            throw new FileNotFoundException(
                $"No embedding model at '{directory}', and no vocabulary at '{vocabularyPath}' to build the default one from (set Embeddings:Vocabulary).",
                vocabularyPath);
        }

        // Written beside and moved into place, so an interrupted write never leaves a folder that looks complete.
        var staging = directory.TrimEnd(Path.DirectorySeparatorChar) + ".partial";
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        var model = HashedVocabularyModel.FromGguf(vocabularyPath);
        EmbeddingModelFolder.WriteStatic(staging, model, vocabularyPath, new EmbeddingModelManifest
        {
            Name = Name,
            Dimensions = model.Dimensions,
            Tokenizer = Path.GetFileName(vocabularyPath),
        });
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(directory))!);
        Directory.Move(staging, directory);
        return true;
    }
}
