namespace Assistant.Core.Text;

/// <summary>Where <see cref="TextAnalyzer.Scan"/> hands the terms of a text.</summary>
internal interface ITermSink
{
    /// <summary>Whether to stem this folded word at all: stemming is most of the cost.</summary>
    bool Wants(scoped ReadOnlySpan<char> word);

    void Add(string term);
}
