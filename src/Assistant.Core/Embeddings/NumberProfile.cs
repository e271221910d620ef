namespace Assistant.Core.Embeddings;

/// <summary>
/// The numbers a text holds, with their counts. A translation keeps every date, sum, article and point number of its
/// original, so two texts whose numbers mostly agree are likely one text in two languages.
/// </summary>
internal sealed class NumberProfile
{
    private readonly Dictionary<string, int> counts = new(StringComparer.Ordinal);

    public bool IsEmpty => counts.Count == 0;

    public static NumberProfile Of(IEnumerable<string?> texts)
    {
        var profile = new NumberProfile();
        foreach (var text in texts)
        {
            profile.Add(text);
        }

        return profile;
    }

    public static NumberProfile Of(string? text) => Of([text]);

    /// <summary>Weighted Jaccard: the shared count over the combined count, 0 when neither holds a number.</summary>
    public double Agreement(NumberProfile other)
    {
        ArgumentNullException.ThrowIfNull(other);
        long shared = 0, combined = 0;
        foreach (var (number, count) in counts)
        {
            var theirs = other.counts.GetValueOrDefault(number);
            shared += Math.Min(count, theirs);
            combined += Math.Max(count, theirs);
        }

        foreach (var (number, count) in other.counts)
        {
            if (!counts.ContainsKey(number))
            {
                combined += count;
            }
        }

        return combined == 0 ? 0 : (double)shared / combined;
    }

    private void Add(string? text)
    {
        if (text is null)
        {
            return;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            var number = text[start..i];
            counts[number] = counts.GetValueOrDefault(number) + 1;
        }
    }
}
