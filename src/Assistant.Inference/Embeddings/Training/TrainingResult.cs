namespace Assistant.Inference.Embeddings.Training;

public sealed record TrainingResult(StaticEmbeddingModel Model, TrainingReport Report);
