namespace Assistant.Core.Norms;

/// <summary>«Примечание ИЗПИ!/РЦПИ!»: a note by the publisher, never part of the norm's text.</summary>
public sealed record EditorialNote(string Text);
