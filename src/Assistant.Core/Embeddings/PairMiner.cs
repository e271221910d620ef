using Assistant.Core.Acts;
using Assistant.Core.Norms;

namespace Assistant.Core.Embeddings;

/// <summary>
/// Mines unlabelled positive pairs from parsed acts for training an embedding model on the corpus itself.
/// Acts are added one by one (kept in a compact, clipped form); <see cref="Mine"/> then resolves cross references
/// and translations over everything added. The result depends on the seed and the acts only, not on the order
/// they were added in. Not thread-safe: add from one thread at a time.
/// </summary>
public sealed class PairMiner
{
    private const string AnyAct = "_";

    private readonly PairMiningOptions options;
    private readonly List<MinedAct> acts = [];

    public PairMiner(PairMiningOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        this.options = options;
    }

    /// <summary>Act editions added so far.</summary>
    public int Count => acts.Count;

    public void Add(Act act)
    {
        ArgumentNullException.ThrowIfNull(act);
        var registration = ActRegistration.Of(act);
        acts.Add(new MinedAct(
            act.Id,
            act.Language,
            ClippedText.Of(act.Title, options),
            act.Edition,
            act.Source ?? string.Empty,
            [.. act.Norms.Select(Compact)],
            registration,
            registration is null ? null : NumberProfile.Of(act.Norms.SelectMany(n => n.SelfAndDescendants()).Select(n => n.Text))));
    }

    /// <param name="withUnpaired">
    /// Also list the articles of acts found in one language only (<see cref="MinedPairs.Unpaired"/>), for alignment
    /// by content; they are all the corpus's articles but the bilingual ones, so only a caller that aligns asks.
    /// </param>
    public MinedPairs Mine(bool withUnpaired = false)
    {
        // The newest edition of each language version stands for the act: older ones would add near-copies.
        var newest = acts
            .GroupBy(act => (act.Id, act.Language))
            .Select(group => group.Order(Comparer<MinedAct>.Create(MinedAct.CompareNewestFirst)).First())
            .OrderBy(act => act.Id, StringComparer.Ordinal)
            .ThenBy(act => act.Language)
            .ToList();
        var texts = new Dictionary<(NormId, Language), string>();
        foreach (var act in newest)
        {
            foreach (var norm in act.Norms.SelectMany(n => n.SelfAndDescendants()))
            {
                if (norm.Text is not null)
                {
                    texts.TryAdd((norm.Id, act.Language), norm.Text);
                }
            }
        }

        var training = new List<TextPair>();
        var heldOut = new List<TextPair>();
        foreach (var act in newest)
        {
            var target = StableHash.Fraction(act.Id, options.Seed) < options.HeldOutShare ? heldOut : training;
            target.AddRange(WithinAct(act, texts));
        }

        var bilingual = Bilingual(newest);
        foreach (var (russian, kazakh, _) in bilingual)
        {
            foreach (var (unit, pair) in Translations(russian, kazakh))
            {
                (options.HoldsOutTranslation(unit) ? heldOut : training).Add(pair);
            }
        }

        var paired = bilingual.SelectMany(b => new[] { b.Russian, b.Kazakh }).ToHashSet(ReferenceEqualityComparer.Instance);
        return new MinedPairs(training, heldOut, newest.Count)
        {
            Translated = [.. bilingual.Select(b => new ActTranslation(b.Russian.Id, b.Kazakh.Id, b.MatchedBy))],
            Unpaired = withUnpaired ? [.. newest.Where(act => !paired.Contains(act)).SelectMany(Articles)] : [],
        }.WithLexicon(options);
    }

    /// <summary>The articles of an act with enough of them to align, each as its heading and text.</summary>
    private IEnumerable<UnpairedArticle> Articles(MinedAct act)
    {
        var articles = act.Norms.Where(n => n.Id.Article is not null && n.Id.Annex is null).ToList();
        if (articles.Count < options.MinAlignedArticles)
        {
            yield break;
        }

        foreach (var article in articles)
        {
            var texts = article.SelfAndDescendants().Select(n => n.Text).Prepend(article.Heading).OfType<string>();
            if (ClippedText.Of(string.Join(' ', texts), options) is { } text)
            {
                yield return new UnpairedArticle(act.Id, act.Language, article.Id, text);
            }
        }
    }

    private MinedNorm Compact(Norm norm) => new(
        norm.Id,
        ClippedText.Of(norm.Heading, options),
        norm.Status == NormStatus.Excluded ? null : ClippedText.Of(norm.Text, options),
        [.. norm.References.Where(r => r.TargetNormId is not null).Select(r => r.TargetNormId!.Value).Distinct()],
        [.. norm.Parts.Select(Compact)]);

    private IEnumerable<TextPair> WithinAct(MinedAct act, Dictionary<(NormId, Language), string> texts)
    {
        var language = act.Language;
        if (act.Title is { } title)
        {
            foreach (var norm in act.Norms.Where(n => n.Text is not null).Take(options.TitleNorms))
            {
                yield return new TextPair(PairKind.TitleNorm, act.Id, new PairSide(title, language, null), Side(norm, language));
            }
        }

        foreach (var norm in act.Norms.SelectMany(n => n.SelfAndDescendants()))
        {
            if (norm.Heading is { } heading && norm.Text is not null)
            {
                yield return new TextPair(PairKind.HeadingBody, act.Id, new PairSide(heading, language, null), Side(norm, language));
            }

            foreach (var (first, second) in Neighbours(norm))
            {
                yield return new TextPair(PairKind.SiblingParagraphs, act.Id, Side(first, language), Side(second, language));
            }

            if (norm.Text is null)
            {
                continue;
            }

            foreach (var referenced in norm.Targets.Where(t => !Related(norm.Id, t)))
            {
                if (texts.TryGetValue((referenced, language), out var text))
                {
                    yield return new TextPair(PairKind.CrossReference, act.Id, Side(norm, language), new PairSide(text, language, referenced));
                }
            }
        }
    }

    /// <summary>Neighbouring paragraph pairs of a norm, a seeded sample of them when there are many.</summary>
    private IEnumerable<(MinedNorm First, MinedNorm Second)> Neighbours(MinedNorm norm)
    {
        var parts = norm.Parts.Where(p => p.Text is not null).ToList();
        if (parts.Count < 2)
        {
            return [];
        }

        var starts = Enumerable.Range(0, parts.Count - 1);
        if (parts.Count - 1 > options.ParagraphPairsPerNorm)
        {
            var key = norm.Id.ToString();
            starts = starts
                .OrderBy(i => StableHash.Of($"{key}#{i}", options.Seed))
                .Take(options.ParagraphPairsPerNorm)
                .Order();
        }

        return starts.Select(i => (parts[i], parts[i + 1]));
    }

    /// <summary>
    /// The two language versions of each act found in both: the same id (Adilet codes), or, for bulk records that
    /// carry ids of their own, the same registration with numbers that mostly agree. Each version is paired once,
    /// the best agreement first, since one date and number may belong to acts of several issuers.
    /// </summary>
    private List<(MinedAct Russian, MinedAct Kazakh, ActRegistration? MatchedBy)> Bilingual(List<MinedAct> acts)
    {
        var pairs = acts.Where(a => a.Language == Language.Ru)
            .Join(acts.Where(a => a.Language == Language.Kk), ru => ru.Id, kk => kk.Id, (ru, kk) => (ru, kk, (ActRegistration?)null), StringComparer.Ordinal)
            .ToList();
        var paired = new HashSet<MinedAct>(pairs.SelectMany(p => new[] { p.ru, p.kk }), ReferenceEqualityComparer.Instance);
        var kazakh = acts.Where(a => a.Language == Language.Kk && a.Registration is not null && !paired.Contains(a)).ToLookup(a => a.Registration!.Value);
        var candidates = acts
            .Where(a => a.Language == Language.Ru && a.Registration is not null && !paired.Contains(a))
            .SelectMany(ru => kazakh[ru.Registration!.Value].Select(kk => (Russian: ru, Kazakh: kk, Agreement: ru.Numbers!.Agreement(kk.Numbers!))))
            .Where(c => c.Agreement >= options.MinActNumberAgreement)
            .OrderByDescending(c => c.Agreement)
            .ThenBy(c => c.Russian.Id, StringComparer.Ordinal)
            .ThenBy(c => c.Kazakh.Id, StringComparer.Ordinal);
        foreach (var (russian, kk, _) in candidates)
        {
            if (!paired.Contains(russian) && !paired.Contains(kk))
            {
                paired.UnionWith([russian, kk]);
                pairs.Add((russian, kk, russian.Registration));
            }
        }

        return pairs;
    }

    /// <summary>
    /// Translation pairs, each with the unit the held-out split is drawn by: its top-level norm. Norms are matched by
    /// their place in the act (article, point, subpoint); a pair whose lengths or numbers disagree is left out, as
    /// the two versions of a bulk act are sometimes numbered differently.
    /// </summary>
    private IEnumerable<(string Unit, TextPair Pair)> Translations(MinedAct russian, MinedAct kazakh)
    {
        if (russian.Title is { } ruTitle && kazakh.Title is { } kkTitle)
        {
            yield return ($"{russian.Id}#title", new TextPair(
                PairKind.Translation, russian.Id, new PairSide(ruTitle, Language.Ru, null), new PairSide(kkTitle, Language.Kk, null)));
        }

        var kazakhNorms = kazakh.Norms
            .SelectMany(n => n.SelfAndDescendants())
            .Where(n => n.Text is not null)
            .GroupBy(n => Place(n.Id))
            .ToDictionary(g => g.Key, g => g.First());
        foreach (var norm in russian.Norms.SelectMany(n => n.SelfAndDescendants()))
        {
            if (norm.Text is not null
                && kazakhNorms.TryGetValue(Place(norm.Id), out var translated)
                && Faithful(norm.Text, translated.Text!))
            {
                yield return (norm.Id.TopLevel.ToString(), new TextPair(
                    PairKind.Translation, russian.Id, Side(norm, Language.Ru), Side(translated, Language.Kk)));
            }
        }
    }

    /// <summary>Where a norm sits in its act, whatever the act's id.</summary>
    private static NormId Place(NormId id) => new(AnyAct, id.Article, id.Point, id.Subpoint, id.Annex);

    private bool Faithful(string russian, string kazakh)
    {
        var ratio = (double)Math.Max(russian.Length, kazakh.Length) / Math.Max(1, Math.Min(russian.Length, kazakh.Length));
        if (ratio > options.MaxTranslationLengthRatio)
        {
            return false;
        }

        var ruNumbers = NumberProfile.Of(russian);
        var kkNumbers = NumberProfile.Of(kazakh);
        return (ruNumbers.IsEmpty && kkNumbers.IsEmpty) || ruNumbers.Agreement(kkNumbers) >= options.MinNormNumberAgreement;
    }

    private static PairSide Side(MinedNorm norm, Language language) => new(norm.Text!, language, norm.Id);

    /// <summary>A reference to the norm itself, to a norm containing it or to one of its own parts says nothing new.</summary>
    private static bool Related(NormId source, NormId target)
    {
        var from = source.ToString();
        var to = target.ToString();
        return from == to
            || from.StartsWith(to + "/", StringComparison.Ordinal)
            || to.StartsWith(from + "/", StringComparison.Ordinal);
    }
}
