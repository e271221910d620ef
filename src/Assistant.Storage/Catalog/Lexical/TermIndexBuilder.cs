using Assistant.Core.Acts;
using Assistant.Core.Text;
using Microsoft.Data.Sqlite;

namespace Assistant.Storage.Catalog.Lexical;

/// <summary>
/// Builds a <see cref="TermIndex"/> from the catalog's top-level norms, analysing their headings and texts as
/// <see cref="ActWriter"/> does for norm_fts. Reads in the caller's transaction, so the index matches one commit.
/// </summary>
internal static class TermIndexBuilder
{
    private const int BatchSize = 2_048;

    public static TermIndex Build(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var generation = CatalogGeneration.Read(connection);
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM norms WHERE parent_key IS NULL";
        var norms = new IndexedNorms(checked((int)(long)count.ExecuteScalar()!));

        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT n.norm_key, n.act_key, n.heading, n.text, a.language, a.kind, a.is_current,
                   a.status IN ('InForce', 'Unknown') AND n.status = 'Active'
            FROM norms n JOIN acts a ON a.act_key = n.act_key
            WHERE n.parent_key IS NULL
            ORDER BY n.norm_key
            """;
        var termIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var postings = new Postings();
        var batch = new List<(string Heading, string Text, Language Language)>(BatchSize);
        var norm = 0;
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                if (norm == norms.Count)
                {
                    throw new InvalidDataException("The catalog's norms changed while the lexical index was read from them.");
                }

                var language = LanguageCodes.Parse(reader.GetString(4));
                norms.Keys[norm] = reader.GetInt64(0);
                norms.ActKeys[norm] = reader.GetInt64(1);
                norms.Languages[norm] = (byte)language;
                norms.Kinds[norm] = (byte)Enum.Parse<ActKind>(reader.GetString(5));
                norms.Flags[norm] = (byte)((reader.GetInt64(6) != 0 ? IndexedNorms.Current : 0) | (reader.GetInt64(7) != 0 ? IndexedNorms.InForce : 0));
                batch.Add((reader.IsDBNull(2) ? string.Empty : reader.GetString(2), reader.GetString(3), language));
                norm++;
                if (batch.Count == BatchSize)
                {
                    Add(batch, norm - batch.Count, norms, termIds, postings, cancellationToken);
                    batch.Clear();
                }
            }
        }

        Add(batch, norm - batch.Count, norms, termIds, postings, cancellationToken);
        if (norm != norms.Count)
        {
            throw new InvalidDataException("The catalog's norms changed while the lexical index was read from them.");
        }

        return postings.ToIndex(generation, termIds, norms);
    }

    /// <summary>Analyses a batch of norms side by side, then adds their terms in norm order, so postings stay sorted.</summary>
    private static void Add(
        List<(string Heading, string Text, Language Language)> batch,
        int first,
        IndexedNorms norms,
        Dictionary<string, int> termIds,
        Postings postings,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var analysed = new (Dictionary<string, (int Heading, int Body)> Counts, int Length)[batch.Count];
        Parallel.For(0, batch.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var (heading, text, language) = batch[i];
            var counts = new Dictionary<string, (int Heading, int Body)>(StringComparer.Ordinal);
            var headingTerms = TextAnalyzer.Terms(heading, language);
            var bodyTerms = TextAnalyzer.Terms(text, language);
            foreach (var term in headingTerms)
            {
                var (h, b) = counts.GetValueOrDefault(term);
                counts[term] = (h + 1, b);
            }

            foreach (var term in bodyTerms)
            {
                var (h, b) = counts.GetValueOrDefault(term);
                counts[term] = (h, b + 1);
            }

            // The language column holds one token.
            analysed[i] = (counts, headingTerms.Count + bodyTerms.Count + 1);
        });

        for (var i = 0; i < analysed.Length; i++)
        {
            var (counts, length) = analysed[i];
            norms.Lengths[first + i] = length;
            norms.TotalLength += length;
            foreach (var (term, (heading, body)) in counts)
            {
                if (!termIds.TryGetValue(term, out var id))
                {
                    id = termIds.Count;
                    termIds.Add(term, id);
                }

                postings.Add(id, first + i, heading, body);
            }
        }
    }

    /// <summary>Postings in the order added, turned into one slice per term at the end.</summary>
    private sealed class Postings
    {
        private int[] _terms = new int[1024];
        private int[] _norms = new int[1024];
        private ushort[] _headingCounts = new ushort[1024];
        private ushort[] _bodyCounts = new ushort[1024];
        private int _count;

        public void Add(int term, int norm, int heading, int body)
        {
            if (_count == _terms.Length)
            {
                var size = checked(_count * 2);
                Array.Resize(ref _terms, size);
                Array.Resize(ref _norms, size);
                Array.Resize(ref _headingCounts, size);
                Array.Resize(ref _bodyCounts, size);
            }

            // A term more than 65,535 times in one norm: bm25 has long saturated there.
            _terms[_count] = term;
            _norms[_count] = norm;
            _headingCounts[_count] = (ushort)Math.Min(heading, ushort.MaxValue);
            _bodyCounts[_count] = (ushort)Math.Min(body, ushort.MaxValue);
            _count++;
        }

        /// <summary>A counting sort by term: stable, so each term's postings keep norm order.</summary>
        public TermIndex ToIndex(long generation, Dictionary<string, int> termIds, IndexedNorms norms)
        {
            var starts = new int[termIds.Count + 1];
            for (var i = 0; i < _count; i++)
            {
                starts[_terms[i] + 1]++;
            }

            for (var term = 0; term < termIds.Count; term++)
            {
                starts[term + 1] += starts[term];
            }

            var next = starts[..^1];
            var sortedNorms = new int[_count];
            var sortedHeading = new ushort[_count];
            var sortedBody = new ushort[_count];
            for (var i = 0; i < _count; i++)
            {
                var at = next[_terms[i]]++;
                sortedNorms[at] = _norms[i];
                sortedHeading[at] = _headingCounts[i];
                sortedBody[at] = _bodyCounts[i];
            }

            return new TermIndex(generation, termIds, starts, sortedNorms, sortedHeading, sortedBody, norms);
        }
    }
}
