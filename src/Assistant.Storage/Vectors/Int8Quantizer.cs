using System.Numerics;
using System.Numerics.Tensors;

namespace Assistant.Storage.Vectors;

/// <summary>Symmetric int8 quantisation with one scale per vector: x ≈ q × scale, q in [-127, 127].</summary>
internal static class Int8Quantizer
{
    public static float Quantize(ReadOnlySpan<float> vector, Span<sbyte> destination) => Quantize<sbyte>(vector, destination);

    /// <summary>The query side, widened to int16 once so that each row costs one widening of its own bytes.</summary>
    public static float QuantizeWide(ReadOnlySpan<float> vector, Span<short> destination) => Quantize<short>(vector, destination);

    private static float Quantize<T>(ReadOnlySpan<float> vector, Span<T> destination)
        where T : struct, IBinaryInteger<T>
    {
        var scale = MaxAbs(vector) / 127f;
        if (scale == 0)
        {
            destination.Clear();
            return 0;
        }

        var inverse = 1 / scale;
        for (var i = 0; i < vector.Length; i++)
        {
            destination[i] = T.CreateTruncating(Math.Clamp(MathF.Round(vector[i] * inverse), -127, 127));
        }

        return scale;
    }

    private static float MaxAbs(ReadOnlySpan<float> vector) => vector.IsEmpty ? 0 : Math.Abs(TensorPrimitives.MaxMagnitude(vector));
}
