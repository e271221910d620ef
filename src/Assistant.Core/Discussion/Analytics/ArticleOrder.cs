namespace Assistant.Core.Discussion.Analytics;

/// <summary>
/// Orders articles as a draft numbers them: «2» before «10», an inserted «14-1» after «14»; the draft as a whole
/// (null) first.
/// </summary>
internal sealed class ArticleOrder : IComparer<string?>
{
    public static ArticleOrder Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return (x is null ? 0 : 1) - (y is null ? 0 : 1);
        }

        var (a, b) = (Numbers(x), Numbers(y));
        for (var i = 0; i < Math.Min(a.Count, b.Count); i++)
        {
            if (a[i] != b[i])
            {
                return a[i].CompareTo(b[i]);
            }
        }

        return a.Count != b.Count ? a.Count.CompareTo(b.Count) : string.CompareOrdinal(x, y);
    }

    private static List<long> Numbers(string article)
    {
        var numbers = new List<long>();
        var value = -1L;
        foreach (var c in article.Append(' '))
        {
            if (char.IsAsciiDigit(c) && value < long.MaxValue / 10)
            {
                value = (Math.Max(value, 0) * 10) + (c - '0');
            }
            else if (!char.IsAsciiDigit(c) && value >= 0)
            {
                numbers.Add(value);
                value = -1;
            }
        }

        return numbers;
    }
}
