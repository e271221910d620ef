using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Assistant.Core.Norms;

/// <summary>
/// Canonical id of a norm: <c>&lt;ACT&gt;[/annex:&lt;A&gt;][/art:&lt;N&gt;][/p:&lt;P&gt;[/sp:&lt;S&gt;]]</c>,
/// e.g. <c>K1500000414/art:88/p:1</c>, <c>U2500000881/annex:1/p:5</c>.
/// The same id names the norm in every language version of the act.
/// </summary>
public readonly record struct NormId
{
    public NormId(string actId, string? article = null, string? point = null, string? subpoint = null, string? annex = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actId);
        if (article is null && point is null)
        {
            throw new ArgumentException("A norm id names an article or a point.", nameof(article));
        }

        if (subpoint is not null && point is null && article is null)
        {
            throw new ArgumentException("A subpoint belongs to a point or an article.", nameof(subpoint));
        }

        ActId = actId;
        Annex = annex;
        Article = article;
        Point = point;
        Subpoint = subpoint;
    }

    public string ActId { get; }

    public string? Annex { get; }

    public string? Article { get; }

    public string? Point { get; }

    public string? Subpoint { get; }

    /// <summary>The id of the top-level norm this one belongs to (the article, or the act's point).</summary>
    public NormId TopLevel => Article is not null
        ? new NormId(ActId, Article, annex: Annex)
        : new NormId(ActId, point: Point, annex: Annex);

    /// <summary>Whether this norm is <paramref name="other"/> or one of its parts (a point of that article, a subpoint of that point).</summary>
    public bool IsWithin(NormId other) => this == other || ToString().StartsWith(other + "/", StringComparison.Ordinal);

    public NormId WithPoint(string point) => new(ActId, Article, point, annex: Annex);

    public NormId WithSubpoint(string subpoint) => new(ActId, Article, Point, subpoint, Annex);

    public override string ToString()
    {
        var builder = new StringBuilder(ActId);
        Append(builder, "annex", Annex);
        Append(builder, "art", Article);
        Append(builder, "p", Point);
        Append(builder, "sp", Subpoint);
        return builder.ToString();
    }

    public static NormId Parse(string value) => TryParse(value, out var id)
        ? id
        : throw new FormatException(
            $"'{value}' is not a norm id: expected <ACT>/art:<N>[/p:<P>[/sp:<S>]] or <ACT>[/annex:<A>]/p:<P>[/sp:<S>].");

    public static bool TryParse([NotNullWhen(true)] string? value, out NormId id)
    {
        id = default;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var segments = value.Trim().Split('/');
        if (segments.Length < 2 || !IsValidPart(segments[0]))
        {
            return false;
        }

        string? annex = null, article = null, point = null, subpoint = null;
        var order = 0;
        foreach (var segment in segments.AsSpan(1))
        {
            var colon = segment.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || !IsValidPart(segment[(colon + 1)..]))
            {
                return false;
            }

            var number = segment[(colon + 1)..];
            var rank = segment[..colon] switch
            {
                "annex" => 1,
                "art" => 2,
                "p" => 3,
                "sp" => 4,
                _ => 0,
            };
            if (rank <= order)
            {
                return false;
            }

            order = rank;
            switch (rank)
            {
                case 1: annex = number; break;
                case 2: article = number; break;
                case 3: point = number; break;
                default: subpoint = number; break;
            }
        }

        if ((article is null && point is null) || (subpoint is not null && point is null && article is null))
        {
            return false;
        }

        id = new NormId(segments[0], article, point, subpoint, annex);
        return true;
    }

    private static bool IsValidPart(string part) =>
        part.Length > 0 && part.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.');

    private static void Append(StringBuilder builder, string key, string? value)
    {
        if (value is not null)
        {
            builder.Append('/').Append(key).Append(':').Append(value);
        }
    }
}
