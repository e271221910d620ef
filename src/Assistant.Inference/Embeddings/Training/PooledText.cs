namespace Assistant.Inference.Embeddings.Training;

/// <summary>What the backward pass needs of a forward one: the tokens' total weight and the length of the mean before normalising.</summary>
internal readonly record struct PooledText(float TotalWeight, float Norm)
{
    public bool IsEmpty => TotalWeight <= 0f || Norm <= 0f;
}
