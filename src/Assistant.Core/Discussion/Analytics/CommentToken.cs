namespace Assistant.Core.Discussion.Analytics;

/// <summary>A word of a comment, folded, with the sentence facts stance needs.</summary>
/// <param name="Surface">The word as written, which key terms show.</param>
/// <param name="InQuestion">Whether its sentence asks: a cue in a question («это правильно?») weighs less.</param>
internal readonly record struct CommentToken(string Word, string Surface, bool InQuestion);
