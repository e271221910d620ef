using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Assistant.Indexer.Commands;
using Assistant.Indexer.Ingestion;
using Assistant.Inference.Llama;
using Assistant.Inference.Tokenizers;

namespace Assistant.Indexer.Benchmarks;

/// <summary>
/// <c>bench tokenizer</c>: the C# tokenizer of a vocabulary file (unigram or WordPiece GGUF, or tokenizer.json) over
/// the norms, against llama.cpp's on the same GGUF: the share of identical token ids and the throughput of each.
/// llama.cpp reads only GGUF, so a tokenizer.json has no peer and its share and peer figure are n/a.
/// Last line: identical_share=… mbps=… peer_mbps=….
/// </summary>
internal static class TokenizerBenchmark
{
    private const int DifferencesShown = 5;

    public static Command Create()
    {
        var vocabulary = new Option<string?>("--vocab") { Description = "Vocabulary GGUF or tokenizer.json (default ../shared/models/ggml-vocab-nomic-bert-moe.gguf)" };
        var paths = new Argument<string[]>("paths") { Arity = ArgumentArity.OneOrMore, Description = "Adilet texts, bulk JSONL files or folders" };
        var limit = new Option<int?>("--limit") { Description = "Stop after this many norms" };
        var command = new Command("tokenizer", "Identical share and MB/s of the C# tokenizer against llama.cpp's") { vocabulary, paths, limit };
        command.SetAction((parse, cancellationToken) =>
        {
            var vocab = parse.GetValue(vocabulary) ?? WorkingTree.SharedModel("ggml-vocab-nomic-bert-moe.gguf");
            var selection = SourceDiscovery.Discover(parse.GetRequiredValue(paths));
            if (selection.Missing.Count > 0)
            {
                throw new CommandException($"Not found: {string.Join(", ", selection.Missing)}");
            }

            ITextTokenizer tokenizer;
            try
            {
                tokenizer = TokenizerFile.Load(vocab);
            }
            catch (Exception exception) when (exception is InvalidDataException or FileNotFoundException)
            {
                throw new CommandException(exception.Message);
            }

            using var peer = vocab.EndsWith(".gguf", StringComparison.OrdinalIgnoreCase)
                ? LlamaModel.Load(new LlamaModelOptions { Path = vocab, VocabOnly = true }, cancellationToken: cancellationToken)
                : null;
            var comparison = Compare(selection, tokenizer, peer, parse.GetValue(limit) ?? int.MaxValue, cancellationToken);

            var megabytes = comparison.Bytes / 1e6;
            var peerSeconds = peer is null ? "n/a" : comparison.Peer.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture);
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"norms={comparison.Norms} tokens={comparison.Tokens} identical={(peer is null ? "n/a" : comparison.Identical)} mb={megabytes:F1} ours_s={comparison.Ours.TotalSeconds:F2} peer_s={peerSeconds}"));
            foreach (var difference in comparison.Differences)
            {
                Console.Out.WriteLine($"differs: {difference}");
            }

            var share = peer is null ? "n/a" : ((double)comparison.Identical / Math.Max(1, comparison.Norms)).ToString("F4", CultureInfo.InvariantCulture);
            var peerMbps = peer is null ? "n/a" : (megabytes / comparison.Peer.TotalSeconds).ToString("F1", CultureInfo.InvariantCulture);
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"identical_share={share} mbps={megabytes / comparison.Ours.TotalSeconds:F1} peer_mbps={peerMbps}"));
            return Task.FromResult(0);
        });
        return command;
    }

    private static Comparison Compare(SourceSelection selection, ITextTokenizer tokenizer, LlamaModel? peer, int limit, CancellationToken cancellationToken)
    {
        var comparison = new Comparison();
        foreach (var file in selection.Files)
        {
            foreach (var reading in ActReader.Read(file, _ => { }, cancellationToken))
            {
                if (reading is not ActReading.Parsed parsed)
                {
                    continue;
                }

                foreach (var norm in parsed.Act.Norms)
                {
                    if (comparison.Norms >= limit)
                    {
                        return comparison;
                    }

                    comparison.Add(norm.Id.ToString(), norm.Text, tokenizer, peer);
                }
            }
        }

        return comparison;
    }

    /// <summary>Both tokenizers timed on the same texts, one call each, alternating so that both see the same cache state; without a peer only ours.</summary>
    private sealed class Comparison
    {
        public int Norms { get; private set; }

        public int Identical { get; private set; }

        public long Tokens { get; private set; }

        public long Bytes { get; private set; }

        public TimeSpan Ours { get; private set; }

        public TimeSpan Peer { get; private set; }

        public List<string> Differences { get; } = [];

        public void Add(string normId, string text, ITextTokenizer tokenizer, LlamaModel? peer)
        {
            var started = Stopwatch.GetTimestamp();
            var ours = tokenizer.Encode(text, addSpecialTokens: true);
            Ours += Stopwatch.GetElapsedTime(started);
            Norms++;
            Bytes += Encoding.UTF8.GetByteCount(text);
            if (peer is null)
            {
                Tokens += ours.Count;
                return;
            }

            started = Stopwatch.GetTimestamp();
            var theirs = peer.Tokenize(text, addSpecial: true);
            Peer += Stopwatch.GetElapsedTime(started);
            Tokens += theirs.Length;
            if (ours.SequenceEqual(theirs))
            {
                Identical++;
            }
            else if (Differences.Count < DifferencesShown)
            {
                Differences.Add(string.Create(CultureInfo.InvariantCulture, $"{normId}: {ours.Count} tokens against llama.cpp's {theirs.Length}"));
            }
        }
    }
}
