using System.Globalization;
using System.Text;

namespace Assistant.Core.Drafts;

/// <summary>
/// A line with its top-level «quoted» spans taken out: the skeleton has «0», «1»… in their place, so that formulas
/// match whatever the quotes hold, nested «» included.
/// </summary>
internal sealed class QuotedText
{
    private QuotedText(string skeleton, IReadOnlyList<string> quotes)
    {
        Skeleton = skeleton;
        Quotes = quotes;
    }

    public string Skeleton { get; }

    public IReadOnlyList<string> Quotes { get; }

    /// <summary>Splits a line; null when its quotes do not balance.</summary>
    public static QuotedText? Split(string line)
    {
        var skeleton = new StringBuilder(line.Length);
        var quotes = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '«')
            {
                if (depth++ == 0)
                {
                    start = i + 1;
                }
            }
            else if (c == '»')
            {
                if (depth == 0)
                {
                    return null;
                }

                if (--depth == 0)
                {
                    skeleton.Append('«').Append(quotes.Count.ToString(CultureInfo.InvariantCulture)).Append('»');
                    quotes.Add(line[start..i]);
                }
            }
            else if (depth == 0)
            {
                skeleton.Append(c);
            }
        }

        return depth == 0 ? new QuotedText(skeleton.ToString(), quotes) : null;
    }

    /// <summary>How many quotes a text opens and does not close (negative when it closes more).</summary>
    public static int Balance(string text) => text.Count(c => c == '«') - text.Count(c => c == '»');

    public string Quote(string placeholder) => Quotes[int.Parse(placeholder, CultureInfo.InvariantCulture)];
}
