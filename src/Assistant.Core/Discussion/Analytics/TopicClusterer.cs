using Assistant.Core.Acts;
using Assistant.Core.Text;

namespace Assistant.Core.Discussion.Analytics;

/// <summary>
/// Finds topics by TF-IDF over stems, cosine similarity and average-linkage clustering, separately within each stance
/// and language: a topic cannot mix support and opposition, and Russian and Kazakh stems, which never match, do not
/// split a theme by accident. Stance cues and the words every comment on a draft uses («проект», «жоба») are left
/// out, so comments group by what they are about, not by how they say yes or no.
/// </summary>
internal static class TopicClusterer
{
    /// <summary>Average cosine similarity at which comments share a topic, set on the tune split of eval/comments.</summary>
    public const double DefaultThreshold = 0.1;

    /// <summary>A topic of one comment is no theme: it goes to its stance's «other» bucket.</summary>
    private const int MinTopicSize = 2;

    private const int KeyTermCount = 4;

    /// <summary>
    /// The article a comment was left on, as a term of its own: commenters on one article mostly speak of one thing,
    /// which short comments too seldom say in the same words.
    /// </summary>
    private const string ArticleTerm = "§";

    /// <summary>
    /// How much the article term weighs against a word's: set on the tune split with the threshold, the best
    /// purity × share outside «other» there. At 3 and above the article alone decides and the words stop mattering.
    /// </summary>
    private const double ArticleWeight = 2.5;

    /// <summary>
    /// Beyond this many comments of one stance and language, the rest join the topic whose centroid is nearest:
    /// clustering is O(n²) in time and memory.
    /// </summary>
    private const int MaxClustered = 3000;

    private static readonly HashSet<string> DiscussionWords = Stems(
        Language.Ru,
        "проект", "проекта", "проекте", "поправка", "поправки", "поправку", "закон", "закона", "законе", "статья", "статьи",
        "статью", "пункт", "пункта", "норма", "нормы", "норму", "изменение", "изменения", "предлагаю", "нужно", "надо", "очень",
        "просто", "вообще", "полностью", "категорически", "считаю", "решение", "мера", "идея", "можно", "будут", "если", "сам",
        "сами", "весь", "всем", "всё", "свой", "свои", "наш", "наши", "который", "которые", "теперь", "сейчас", "опять", "снова",
        "уже", "еще", "тогда", "раз", "один", "одна", "одно", "два", "три", "год", "года", "лет", "день", "дней", "хоть", "хотя", "бы", "ну", "ли",
        "кто", "где", "куда", "почему", "зачем", "сколько", "этот", "эту", "эти", "мой", "моя", "мне", "нас", "нам", "вы", "вас");

    private static readonly HashSet<string> KazakhDiscussionWords = Stems(
        Language.Kk,
        "жоба", "жобада", "жобаны", "бап", "бапқа", "бапты", "тармақ", "тармақты", "тармаққа", "түзету", "түзетуді", "түзетулер",
        "заң", "заңда", "норма", "норманы", "керек", "өте", "толық", "мүлдем", "шешім", "шешімі", "шара", "бастама", "ұсыныс",
        "қазір", "тағы", "бір", "біз", "біздің", "менің", "мен", "сіз", "өз", "өзі", "бар", "бола", "болады", "болса", "жыл",
        "жылы", "күн", "кім", "қай", "қайда", "қашан", "неге", "қанша", "деген", "үшін");

    public static List<Topic> Find(IReadOnlyList<ReadComment> comments, double threshold)
    {
        var bags = comments.Select(Bag).ToList();
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var term in bags.SelectMany(b => b.Counts.Keys))
        {
            documentFrequency[term] = documentFrequency.GetValueOrDefault(term) + 1;
        }

        double Idf(string term) => (term.StartsWith(ArticleTerm, StringComparison.Ordinal) ? ArticleWeight : 1.0)
            * (Math.Log((1.0 + comments.Count) / (1.0 + documentFrequency[term])) + 1.0);
        var vectors = bags.Select(b => TermVector.Of(b.Counts, Idf)).ToList();

        var topics = new List<Topic>();
        foreach (var stance in Enum.GetValues<Stance>())
        {
            foreach (var language in Enum.GetValues<Language>())
            {
                var members = Enumerable.Range(0, comments.Count)
                    .Where(i => comments[i].Stance == stance && comments[i].Language == language)
                    .ToList();
                if (members.Count > 0)
                {
                    topics.AddRange(FindInGroup(stance, language, members, comments, bags, vectors, threshold));
                }
            }
        }

        return topics;
    }

    private static List<Topic> FindInGroup(
        Stance stance,
        Language language,
        List<int> members,
        IReadOnlyList<ReadComment> comments,
        List<TermBag> bags,
        List<TermVector> vectors,
        double threshold)
    {
        var clustered = members.Where(i => vectors[i].Weights.Count > 0).Take(MaxClustered).ToList();
        var clusters = AverageLinkage.Cluster(clustered.Count, (a, b) => vectors[clustered[a]].Cosine(vectors[clustered[b]]), threshold)
            .Select(c => c.Select(k => clustered[k]).ToList())
            .Where(c => c.Count >= MinTopicSize)
            .ToList();

        var placed = clusters.SelectMany(c => c).ToHashSet();
        var other = new List<int>();
        var centroids = clusters.Select(c => Centroid(c, vectors)).ToList();
        var inCap = clustered.ToHashSet();
        foreach (var i in members.Where(i => !placed.Contains(i)))
        {
            var nearest = inCap.Contains(i) ? -1 : Nearest(vectors[i], centroids, threshold);
            if (nearest >= 0)
            {
                clusters[nearest].Add(i);
            }
            else
            {
                other.Add(i);
            }
        }

        var topics = clusters
            .Select(c => c.Order().ToList())
            .OrderByDescending(c => c.Count)
            .ThenBy(c => c[0])
            .Select(c => new Topic(stance, language, KeyTerms(c, bags, vectors), [.. c.Select(i => comments[i].Sample.Id)]))
            .ToList();
        if (other.Count > 0)
        {
            topics.Add(new Topic(stance, language, [], [.. other.Order().Select(i => comments[i].Sample.Id)]));
        }

        return topics;
    }

    private static int Nearest(TermVector vector, List<TermVector> centroids, double threshold)
    {
        var (best, similarity) = (-1, threshold);
        for (var k = 0; k < centroids.Count; k++)
        {
            var s = vector.Cosine(centroids[k]);
            if (s >= similarity)
            {
                (best, similarity) = (k, s);
            }
        }

        return best;
    }

    private static TermVector Centroid(List<int> cluster, List<TermVector> vectors)
    {
        var sum = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (term, weight) in cluster.SelectMany(i => vectors[i].Weights))
        {
            sum[term] = sum.GetValueOrDefault(term) + weight;
        }

        return TermVector.Normalized(sum);
    }

    /// <summary>
    /// The heaviest terms of the centroid that at least two of the cluster's comments use, each shown as the word
    /// commenters wrote most often for it: a stem such as «сверхурочн» is no word a deputy reads.
    /// </summary>
    private static List<string> KeyTerms(List<int> cluster, List<TermBag> bags, List<TermVector> vectors)
    {
        var weight = new Dictionary<string, double>(StringComparer.Ordinal);
        var shared = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var i in cluster)
        {
            foreach (var (term, w) in vectors[i].Weights)
            {
                weight[term] = weight.GetValueOrDefault(term) + w;
                shared[term] = shared.GetValueOrDefault(term) + 1;
            }
        }

        var ranked = weight.Where(p => !p.Key.StartsWith(ArticleTerm, StringComparison.Ordinal)).OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key).ToList();
        var common = ranked.Where(t => shared[t] >= MinTopicSize).ToList();
        return [.. (common.Count > 0 ? common : ranked).Take(KeyTermCount).Select(term => Surface(term, cluster, bags))];
    }

    private static string Surface(string term, List<int> cluster, List<TermBag> bags)
    {
        var forms = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var i in cluster)
        {
            if (bags[i].Surfaces.TryGetValue(term, out var written))
            {
                foreach (var (form, count) in written)
                {
                    forms[form] = forms.GetValueOrDefault(form) + count;
                }
            }
        }

        return forms.OrderByDescending(p => p.Value).ThenBy(p => p.Key.Length).ThenBy(p => p.Key, StringComparer.Ordinal).First().Key;
    }

    private static TermBag Bag(ReadComment comment)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var surfaces = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var stopWords = comment.Language == Language.Kk ? KazakhDiscussionWords : DiscussionWords;
        for (var k = 0; k < comment.Tokens.Count; k++)
        {
            var token = comment.Tokens[k];
            if (comment.Reading.CueTokens.Contains(k) || token.Word.Length < 2 || token.Word.All(char.IsAsciiDigit))
            {
                continue;
            }

            foreach (var term in TextAnalyzer.Terms(token.Word, comment.Language))
            {
                if (stopWords.Contains(term) || DiscussionWords.Contains(term))
                {
                    continue;
                }

                counts[term] = counts.GetValueOrDefault(term) + 1;
                var written = surfaces.TryGetValue(term, out var found) ? found : surfaces[term] = new(StringComparer.Ordinal);
                var form = IsAcronym(token.Surface) ? token.Surface : token.Word;
                written[form] = written.GetValueOrDefault(form) + 1;
            }
        }

        if (comment.Sample.Article is { } article)
        {
            counts[ArticleTerm + article] = 1;
        }

        return new TermBag(counts, surfaces);
    }

    /// <summary>«НДС», «МРТ» read better as written than folded to lower case.</summary>
    private static bool IsAcronym(string surface) => surface.Length >= 2 && surface.All(c => char.IsUpper(c) || char.IsDigit(c));

    private static HashSet<string> Stems(Language language, params string[] words) =>
        words.SelectMany(w => TextAnalyzer.Terms(w, language)).ToHashSet(StringComparer.Ordinal);

    private sealed record TermBag(IReadOnlyDictionary<string, int> Counts, IReadOnlyDictionary<string, Dictionary<string, int>> Surfaces);
}
