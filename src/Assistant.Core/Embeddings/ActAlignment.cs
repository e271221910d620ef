namespace Assistant.Core.Embeddings;

/// <summary>A Russian and a Kazakh act paired by content, and how many of their articles were aligned.</summary>
public sealed record ActAlignment(string RussianId, string KazakhId, int Articles);
