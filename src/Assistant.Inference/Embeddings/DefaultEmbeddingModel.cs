namespace Assistant.Inference.Embeddings;

/// <summary>
/// The model the indexer falls back on when none is configured and none was trained: the hashed-vocabulary static
/// model (<see cref="HashedVocabularyModel"/>). 'indexer train-embedder' writes a trained one in its place.
/// </summary>
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
        StagedFolder.Recover(directory);
        if (File.Exists(Path.Combine(directory, EmbeddingModelFolder.ManifestFileName)))
        {
            return false;
        }

        if (!File.Exists(vocabularyPath))
        {
            throw new FileNotFoundException(
                $"No embedding model at '{directory}', and no vocabulary at '{vocabularyPath}' to build the default one from (set Embeddings:Vocabulary).",
                vocabularyPath);
        }

        StagedFolder.Write(directory, staging =>
        {
            var model = HashedVocabularyModel.FromGguf(vocabularyPath);
            EmbeddingModelFolder.WriteStatic(staging, model, vocabularyPath, new EmbeddingModelManifest
            {
                Name = Name,
                Dimensions = model.Dimensions,
                Tokenizer = Path.GetFileName(vocabularyPath),
            });
        });
        return true;
    }
}
