using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Assistant.Core.Acts;
using Assistant.Core.Norms;
using Assistant.Core.Vectors;
using Assistant.Indexer.Commands;
using Assistant.Storage.Vectors;
using Microsoft.Extensions.Logging;

namespace Assistant.Indexer.Benchmarks;

/// <summary>
/// <c>bench vectors</c>: the embedded vector index over seeded clustered unit vectors, float32 and int8, with a fifth
/// of the points repealed: build time, file size, RSS and the latency of in-force-only top-10 searches.
/// Last line: p95_ms_&lt;size&gt;_f32=… p95_ms_&lt;size&gt;_int8=… for every size.
/// </summary>
internal static class VectorBenchmark
{
    private const int Seed = 20_251_122;
    private const int Clusters = 1000;
    private const int ArticlesPerAct = 50;
    private const int UpsertChunk = 4096;
    private const int WarmUpQueries = 10;
    private const double RepealedShare = 0.2;

    public static Command Create(CommandContext context)
    {
        var sizes = new Option<string>("--sizes") { DefaultValueFactory = _ => "100000,1000000", Description = "Comma-separated point counts" };
        var dims = new Option<int>("--dims") { DefaultValueFactory = _ => 384, Description = "Vector dimensions" };
        var queries = new Option<int>("--queries") { DefaultValueFactory = _ => 300, Description = "Timed queries per configuration" };
        var command = new Command("vectors", "Embedded vector index: build time, size, RSS and p50/p95 of in-force top-10 searches, float32 and int8") { sizes, dims, queries };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var counts = ParseSizes(parse.GetRequiredValue(sizes));
            var dimensions = parse.GetValue(dims);
            var queryCount = parse.GetValue(queries);
            if (dimensions < 1 || queryCount < 1)
            {
                throw new CommandException("--dims and --queries must be positive.");
            }

            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"dims={dimensions} queries={queryCount} top=10 filter=in_force_only repealed_share={RepealedShare} processors={Environment.ProcessorCount}"));
            var summary = new List<string>();
            foreach (var count in counts)
            {
                foreach (var elementType in new[] { VectorElementType.Float32, VectorElementType.Int8 })
                {
                    var p95 = await RunAsync(context, count, dimensions, queryCount, elementType, cancellationToken);
                    summary.Add(string.Create(CultureInfo.InvariantCulture, $"p95_ms_{Label(count)}_{TypeName(elementType)}={p95:F2}"));
                }
            }

            Console.Out.WriteLine(string.Join(' ', summary));
            return 0;
        });
        return command;
    }

    private static async Task<double> RunAsync(
        CommandContext context, int count, int dimensions, int queryCount, VectorElementType elementType, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"raglegal-bench-vectors-{Guid.NewGuid():N}");
        try
        {
            var options = new EmbeddedVectorIndexOptions { Folder = folder, ElementType = elementType };
            var data = new SyntheticEmbeddings(Seed, dimensions);
            TimeSpan build;
            using (var index = EmbeddedVectorIndex.Open(options, context.Loggers.CreateLogger<EmbeddedVectorIndex>()))
            {
                build = await BuildAsync(index, data, count, cancellationToken);
            }

            var megabytes = Directory.EnumerateFiles(folder).Sum(file => new FileInfo(file).Length) / 1e6;
            var opening = Stopwatch.StartNew();
            using var reopened = EmbeddedVectorIndex.Open(options with { VerifyChecksumsOnOpen = false }, context.Loggers.CreateLogger<EmbeddedVectorIndex>());
            var open = opening.Elapsed;
            var queries = Enumerable.Range(0, WarmUpQueries + queryCount)
                .Select(_ => new VectorQuery(data.Query(), 10, new VectorFilter { InForceOnly = true }))
                .ToList();
            var sample = new LatencySample();
            using var process = Process.GetCurrentProcess();
            var cpu = TimeSpan.Zero;
            for (var i = 0; i < queries.Count; i++)
            {
                if (i == WarmUpQueries)
                {
                    process.Refresh();
                    cpu = process.TotalProcessorTime;
                }

                var stopwatch = Stopwatch.StartNew();
                await reopened.SearchAsync(queries[i], cancellationToken);
                if (i >= WarmUpQueries)
                {
                    sample.Add(stopwatch.Elapsed);
                }
            }

            process.Refresh();
            var cpuPerQuery = (process.TotalProcessorTime - cpu).TotalMilliseconds / queryCount;
            var segments = Directory.GetFiles(folder, "*.vseg").Length;
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"size={count} type={TypeName(elementType)} build_s={build.TotalSeconds:F1} open_s={open.TotalSeconds:F2} segments={segments} file_mb={megabytes:F0} p50_ms={sample.Percentile(50):F2} p95_ms={sample.Percentile(95):F2} cpu_ms_per_query={cpuPerQuery:F2} rss_mb={process.WorkingSet64 / 1e6:F0} (mapped pages the scans touched count in RSS)"));
            return sample.Percentile(95);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>Upserts in chunks the size the indexer sends; only the index's work is timed, not making the vectors.</summary>
    private static async Task<TimeSpan> BuildAsync(EmbeddedVectorIndex index, SyntheticEmbeddings data, int count, CancellationToken cancellationToken)
    {
        var elapsed = TimeSpan.Zero;
        var started = Stopwatch.GetTimestamp();
        await index.EnsureAsync(new VectorIndexShape(data.Dimensions, "bench-synthetic"), cancellationToken);
        elapsed += Stopwatch.GetElapsedTime(started);
        for (var first = 0; first < count; first += UpsertChunk)
        {
            var chunk = Enumerable.Range(first, Math.Min(UpsertChunk, count - first)).Select(data.Point).ToList();
            started = Stopwatch.GetTimestamp();
            await index.UpsertAsync(chunk, cancellationToken);
            elapsed += Stopwatch.GetElapsedTime(started);
        }

        return elapsed;
    }

    private static List<int> ParseSizes(string text)
    {
        var sizes = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size < 1)
            {
                throw new CommandException($"--sizes: '{part}' is not a positive point count.");
            }

            sizes.Add(size);
        }

        return sizes.Count > 0 ? sizes : throw new CommandException("--sizes names no point count.");
    }

    private static string TypeName(VectorElementType elementType) => elementType == VectorElementType.Int8 ? "int8" : "f32";

    /// <summary>100000 → 100k, 1000000 → 1m; other counts as they are.</summary>
    private static string Label(int count) => count switch
    {
        _ when count % 1_000_000 == 0 => string.Create(CultureInfo.InvariantCulture, $"{count / 1_000_000}m"),
        _ when count % 1000 == 0 => string.Create(CultureInfo.InvariantCulture, $"{count / 1000}k"),
        _ => count.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Unit vectors around seeded cluster centres, as embeddings of related norms are; point i is the same on every run.</summary>
    private sealed class SyntheticEmbeddings
    {
        private readonly float[][] _centres;
        private readonly Random _queries;
        private readonly int _seed;

        public SyntheticEmbeddings(int seed, int dimensions)
        {
            _seed = seed;
            Dimensions = dimensions;
            var random = new Random(seed);
            _centres = Enumerable.Range(0, Clusters).Select(_ => Unit(random, null, 1)).ToArray();
            _queries = new Random(seed + 1);
        }

        public int Dimensions { get; }

        public VectorPoint Point(int i)
        {
            var random = new Random(unchecked(_seed + (i * 7919)));
            var act = $"B{i / ArticlesPerAct:D9}";
            var status = random.NextDouble() < RepealedShare ? ActStatus.Repealed : ActStatus.InForce;
            var key = new VectorKey(new NormId(act, ((i % ArticlesPerAct) + 1).ToString(CultureInfo.InvariantCulture)), Language.Ru);
            var dense = Unit(random, _centres[random.Next(Clusters)], 0.5f);
            return new VectorPoint(key, new VectorPayload(act, ActKind.Law, status, NormStatus.Active, $"synthetic-{i}"), dense);
        }

        public float[] Query() => Unit(_queries, _centres[_queries.Next(Clusters)], 0.5f);

        /// <summary>A centre plus uniform noise of the given spread (or pure noise), normalised.</summary>
        private float[] Unit(Random random, float[]? centre, float spread)
        {
            var vector = new float[Dimensions];
            var amplitude = spread * MathF.Sqrt(3f / Dimensions);
            for (var d = 0; d < vector.Length; d++)
            {
                vector[d] = (centre?[d] ?? 0) + (amplitude * ((2 * random.NextSingle()) - 1));
            }

            var norm = MathF.Sqrt(System.Numerics.Tensors.TensorPrimitives.SumOfSquares(vector));
            System.Numerics.Tensors.TensorPrimitives.Divide(vector, norm, vector);
            return vector;
        }
    }
}
