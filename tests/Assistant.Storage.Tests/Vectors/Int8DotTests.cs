using System.Runtime.Intrinsics.X86;
using Assistant.Storage.Vectors;

namespace Assistant.Storage.Tests.Vectors;

public sealed class Int8DotTests
{
    public static TheoryData<int> Lengths => new(1, 15, 16, 31, 32, 63, 64, 100, 384, 1024);

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Every_kernel_the_cpu_has_equals_the_scalar_loop(int length)
    {
        var random = new Random(length);
        var row = Enumerable.Range(0, length).Select(_ => (sbyte)random.Next(-127, 128)).ToArray();
        var query = Enumerable.Range(0, length).Select(_ => (short)random.Next(-127, 128)).ToArray();
        var expected = Int8Dot.DotScalar(row, query);

        Assert.Equal(expected, Int8Dot.Dot(row, query));
        if (Avx512BW.IsSupported && length >= 32)
        {
            Assert.Equal(expected, Int8Dot.DotAvx512(row, query));
        }

        if (Avx2.IsSupported && length >= 16)
        {
            Assert.Equal(expected, Int8Dot.DotAvx2(row, query));
        }
    }

    [Fact]
    public void Extreme_values_do_not_overflow()
    {
        var row = Enumerable.Repeat((sbyte)-127, 4096).ToArray();
        var query = Enumerable.Repeat((short)-127, 4096).ToArray();

        Assert.Equal(127 * 127 * 4096, Int8Dot.Dot(row, query));
    }

    [Fact]
    public void Quantised_vectors_come_back_within_half_a_step()
    {
        var vector = ClusteredVectors.Normalise(Enumerable.Range(0, 384).Select(i => MathF.Sin(i * 0.37f)).ToArray());
        var quantised = new sbyte[vector.Length];

        var scale = Int8Quantizer.Quantize(vector, quantised);

        Assert.All(vector.Zip(quantised), pair => Assert.InRange(Math.Abs(pair.First - (pair.Second * scale)), 0, (scale / 2) + 1e-7));
        Assert.Equal(127, quantised.Max(q => Math.Abs((int)q)));
    }
}
