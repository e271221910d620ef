namespace Assistant.Storage.Vectors;

/// <summary>A count of users that, once it reaches zero, never rises again: what generations and segments are freed by.</summary>
internal static class ReferenceCount
{
    /// <summary>Adds a user unless the count already reached zero (the holder was freed).</summary>
    public static bool TryAdd(ref int count)
    {
        var current = Volatile.Read(ref count);
        while (current > 0)
        {
            var seen = Interlocked.CompareExchange(ref count, current + 1, current);
            if (seen == current)
            {
                return true;
            }

            current = seen;
        }

        return false;
    }

    /// <summary>Removes a user; true when it was the last one, and the holder is to be freed.</summary>
    public static bool Release(ref int count) => Interlocked.Decrement(ref count) == 0;
}
