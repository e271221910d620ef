using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Assistant.Storage.Vectors;

/// <summary>
/// Dot product of an int8 row with an int16-widened int8 query, in int32 (exact: |sum| ≤ 127² × dimensions).
/// AVX-512BW and AVX2 widen the row and multiply-add pairs (vpmovsxbw + vpmaddwd); other CPUs take the scalar loop.
/// </summary>
internal static class Int8Dot
{
    // Inlined into the scan loop: at 384 dimensions a call costs about as much as the arithmetic.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Dot(ReadOnlySpan<sbyte> row, ReadOnlySpan<short> query)
    {
        if (Avx512BW.IsSupported && row.Length >= 32)
        {
            return DotAvx512(row, query);
        }

        return Avx2.IsSupported && row.Length >= 16 ? DotAvx2(row, query) : DotScalar(row, query);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int DotAvx512(ReadOnlySpan<sbyte> row, ReadOnlySpan<short> query)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Length, row.Length, nameof(query));
        ref var r = ref Unsafe.AsRef(in row[0]);
        ref var q = ref Unsafe.AsRef(in query[0]);
        var even = Vector512<int>.Zero;
        var odd = Vector512<int>.Zero;
        var i = 0;
        for (; i + 64 <= row.Length; i += 64)
        {
            even = Avx512F.Add(even, Avx512BW.MultiplyAddAdjacent(Avx512BW.ConvertToVector512Int16(Vector256.LoadUnsafe(ref r, (nuint)i)), Vector512.LoadUnsafe(ref q, (nuint)i)));
            odd = Avx512F.Add(odd, Avx512BW.MultiplyAddAdjacent(Avx512BW.ConvertToVector512Int16(Vector256.LoadUnsafe(ref r, (nuint)(i + 32))), Vector512.LoadUnsafe(ref q, (nuint)(i + 32))));
        }

        for (; i + 32 <= row.Length; i += 32)
        {
            even = Avx512F.Add(even, Avx512BW.MultiplyAddAdjacent(Avx512BW.ConvertToVector512Int16(Vector256.LoadUnsafe(ref r, (nuint)i)), Vector512.LoadUnsafe(ref q, (nuint)i)));
        }

        var sum = Vector512.Sum(even + odd);
        return i == row.Length ? sum : sum + DotScalar(row[i..], query[i..row.Length]);
    }

    public static int DotAvx2(ReadOnlySpan<sbyte> row, ReadOnlySpan<short> query)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Length, row.Length, nameof(query));
        ref var r = ref Unsafe.AsRef(in row[0]);
        ref var q = ref Unsafe.AsRef(in query[0]);
        var sum = Vector256<int>.Zero;
        var i = 0;
        for (; i + 16 <= row.Length; i += 16)
        {
            sum = Avx2.Add(sum, Avx2.MultiplyAddAdjacent(Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref r, (nuint)i)), Vector256.LoadUnsafe(ref q, (nuint)i)));
        }

        return i == row.Length ? Vector256.Sum(sum) : Vector256.Sum(sum) + DotScalar(row[i..], query[i..row.Length]);
    }

    public static int DotScalar(ReadOnlySpan<sbyte> row, ReadOnlySpan<short> query)
    {
        var sum = 0;
        for (var i = 0; i < row.Length; i++)
        {
            sum += row[i] * query[i];
        }

        return sum;
    }
}
