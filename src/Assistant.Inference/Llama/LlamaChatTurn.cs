namespace Assistant.Inference.Llama;

/// <summary>One message fed to a chat template: a role ("system", "user", "assistant") and its text.</summary>
public readonly record struct LlamaChatTurn(string Role, string Content);
