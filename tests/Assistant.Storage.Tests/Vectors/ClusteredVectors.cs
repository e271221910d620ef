using Assistant.Core.Acts;
using Assistant.Core.Norms;
using Assistant.Core.Vectors;

namespace Assistant.Storage.Tests.Vectors;

/// <summary>Seeded unit vectors around random cluster centres, and points that carry them, as embeddings of related norms are.</summary>
internal sealed class ClusteredVectors
{
    private readonly Random _random;
    private readonly float[][] _centres;
    private readonly float _spread;

    public ClusteredVectors(int seed, int dimensions, int clusters = 16, float spread = 0.5f)
    {
        _random = new Random(seed);
        Dimensions = dimensions;
        _spread = spread;
        _centres = Enumerable.Range(0, clusters).Select(_ => Normalise(Gaussian(dimensions, 1))).ToArray();
    }

    public int Dimensions { get; }

    public float[] Next() => Normalise(Perturb(_centres[_random.Next(_centres.Length)]));

    public static VectorKey Key(int act, int article, Language language = Language.Ru) =>
        new(new NormId(ActId(act), article.ToString(System.Globalization.CultureInfo.InvariantCulture)), language);

    public static string ActId(int act) => $"K{act:D10}";

    public VectorPoint Point(int act, int article, Language language = Language.Ru, ActKind kind = ActKind.Law, ActStatus status = ActStatus.InForce, NormStatus normStatus = NormStatus.Active, string? hash = null) =>
        new(Key(act, article, language), new VectorPayload(ActId(act), kind, status, normStatus, hash ?? $"h{act}-{article}"), Next());

    /// <summary><paramref name="count"/> points spread over acts of 50 articles each.</summary>
    public List<VectorPoint> Points(int count, int firstAct = 1) =>
        Enumerable.Range(0, count).Select(i => Point(firstAct + (i / 50), (i % 50) + 1)).ToList();

    public static float[] Normalise(float[] vector)
    {
        var norm = MathF.Sqrt(vector.Sum(x => x * x));
        return vector.Select(x => x / norm).ToArray();
    }

    private float[] Perturb(float[] centre)
    {
        var noise = Gaussian(centre.Length, _spread / MathF.Sqrt(centre.Length));
        return centre.Select((x, i) => x + noise[i]).ToArray();
    }

    private float[] Gaussian(int count, float sigma)
    {
        var values = new float[count];
        for (var i = 0; i < count; i++)
        {
            var u1 = 1 - _random.NextDouble();
            var u2 = _random.NextDouble();
            values[i] = sigma * (float)(Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
        }

        return values;
    }
}
