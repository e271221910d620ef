using Assistant.Core.Vectors;

namespace Assistant.Storage.Vectors;

/// <summary>A <see cref="VectorFilter"/> compiled against one segment: its act ids become a lookup by act ordinal.</summary>
internal sealed class RowFilter
{
    private readonly int _language;
    private readonly int _kind;
    private readonly bool _inForceOnly;
    private readonly bool[]? _acts;

    private RowFilter(VectorFilter filter, bool[]? acts)
    {
        _language = filter.Language is { } language ? (int)language : -1;
        _kind = filter.Kind is { } kind ? (int)kind : -1;
        _inForceOnly = filter.InForceOnly;
        _acts = acts;
    }

    /// <summary>False when no row of the segment can pass (none of its acts is asked for).</summary>
    public bool AnyAct { get; private init; } = true;

    public bool PassesAll => _language < 0 && _kind < 0 && !_inForceOnly && _acts is null;

    public static RowFilter For(VectorFilter filter, IReadOnlySet<string>? actIds, VectorSegment segment)
    {
        if (actIds is null)
        {
            return new RowFilter(filter, null);
        }

        var acts = new bool[segment.ActIds.Count];
        var any = false;
        for (var i = 0; i < acts.Length; i++)
        {
            acts[i] = actIds.Contains(segment.ActIds[i]);
            any |= acts[i];
        }

        return new RowFilter(filter, acts) { AnyAct = any };
    }

    public bool Passes(RowFacts facts, int actOrdinal) =>
        (_language < 0 || facts.Language == _language)
        && (_kind < 0 || facts.Kind == _kind)
        && (!_inForceOnly || facts.InForce)
        && (_acts is null || _acts[actOrdinal]);
}
