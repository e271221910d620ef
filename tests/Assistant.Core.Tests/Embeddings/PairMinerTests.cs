using Assistant.Core.Acts;
using Assistant.Core.Embeddings;
using Assistant.Core.Norms;
using Assistant.Core.Tests.Adilet;
using Assistant.Tests.Support;

namespace Assistant.Core.Tests.Embeddings;

public class PairMinerTests
{
    private const string LabourCode = "K1500000414";
    private const string Constitution = "K950001000_";

    [SharedFact]
    public void Heading_body_pairs_join_an_article_heading_to_that_articles_text()
    {
        var act = ParsedCorpus.Russian(LabourCode);

        var pairs = Mine([act]).Where(p => p.Kind == PairKind.HeadingBody).ToList();

        Assert.NotEmpty(pairs);
        Assert.All(pairs, pair =>
        {
            var article = act.Norm(pair.Positive.Norm!.Value.ToString());
            Assert.Equal(NormKind.Article, article.Kind);
            Assert.Equal(article.Heading, pair.Anchor.Text);
            Assert.StartsWith(pair.Positive.Text, article.Text.Trim(), StringComparison.Ordinal);
        });
    }

    [SharedFact]
    public void Title_pairs_join_the_act_title_to_its_first_norms()
    {
        var act = ParsedCorpus.Russian(LabourCode);

        var pairs = Mine([act]).Where(p => p.Kind == PairKind.TitleNorm).ToList();

        Assert.Equal([act.Title, act.Title], pairs.Select(p => p.Anchor.Text));
        Assert.Equal(act.Norms.Take(2).Select(n => n.Id), pairs.Select(p => p.Positive.Norm!.Value));
    }

    [SharedFact]
    public void Sibling_pairs_join_neighbouring_paragraphs_of_one_norm()
    {
        var act = ParsedCorpus.Russian(LabourCode);
        var parentOf = act.AllNorms().SelectMany(n => n.Parts.Select((part, index) => (part.Id, Parent: n, Index: index))).ToDictionary(x => x.Id);

        var pairs = Mine([act]).Where(p => p.Kind == PairKind.SiblingParagraphs).ToList();

        Assert.NotEmpty(pairs);
        Assert.All(pairs, pair =>
        {
            var first = parentOf[pair.Anchor.Norm!.Value];
            var second = parentOf[pair.Positive.Norm!.Value];
            Assert.Same(first.Parent, second.Parent);
            Assert.True(second.Index > first.Index, $"{pair.Positive.Norm} does not follow {pair.Anchor.Norm}");
        });
    }

    [SharedFact]
    public void Cross_reference_pairs_join_a_norm_to_a_norm_it_refers_to()
    {
        var act = ParsedCorpus.Russian(LabourCode);

        var pairs = Mine([act]).Where(p => p.Kind == PairKind.CrossReference).ToList();

        Assert.NotEmpty(pairs);
        Assert.All(pairs, pair =>
        {
            var source = act.Norm(pair.Anchor.Norm!.Value.ToString());
            var target = act.Norm(pair.Positive.Norm!.Value.ToString());
            Assert.Contains(source.References, r => r.TargetNormId == target.Id);
            Assert.StartsWith(pair.Positive.Text, target.Text.Trim(), StringComparison.Ordinal);
        });
    }

    [SharedFact]
    public void Translation_pairs_join_the_russian_and_kazakh_text_of_the_same_constitution_norm()
    {
        var russian = ParsedCorpus.Russian(Constitution);
        var kazakh = ParsedCorpus.Kazakh(Constitution);

        var pairs = Mine([russian, kazakh]).Where(p => p.Kind == PairKind.Translation && p.Anchor.Norm is not null).ToList();

        Assert.True(pairs.Count > russian.Norms.Count, $"only {pairs.Count} translation pairs");
        Assert.All(pairs, pair =>
        {
            Assert.Equal("ru-kk", pair.Languages);
            Assert.Equal(pair.Anchor.Norm, pair.Positive.Norm);
            var id = pair.Anchor.Norm!.Value.ToString();
            Assert.StartsWith(pair.Anchor.Text, russian.Norm(id).Text.Trim(), StringComparison.Ordinal);
            Assert.StartsWith(pair.Positive.Text, kazakh.Norm(id).Text.Trim(), StringComparison.Ordinal);
        });
    }

    [SharedFact]
    public void Mining_gives_the_same_pairs_for_a_seed_whatever_order_acts_are_added_in()
    {
        Act[] acts = [ParsedCorpus.Russian(Constitution), ParsedCorpus.Kazakh(Constitution), ParsedCorpus.Russian(LabourCode)];
        var options = new PairMiningOptions { Seed = 7, HeldOutShare = 0.5 };

        var forward = MineAll(acts, options);
        var backward = MineAll([.. acts.Reverse()], options);

        Assert.Equal(forward.Training, backward.Training);
        Assert.Equal(forward.HeldOut, backward.HeldOut);
    }

    [SharedFact]
    public void An_act_is_held_out_whole_or_not_at_all_and_counts_add_up()
    {
        Act[] acts = [.. new[] { LabourCode, "K1400000226", "Z980000213_", "Z000000132_", "P2400000592", "U2500000881" }.Select(ParsedCorpus.Russian)];

        var mined = MineAll(acts, new PairMiningOptions { Seed = 3, HeldOutShare = 0.5 });

        var heldOutActs = mined.HeldOut.Select(p => p.ActId).ToHashSet();
        Assert.NotEmpty(heldOutActs);
        Assert.DoesNotContain(mined.Training, p => heldOutActs.Contains(p.ActId));
        Assert.Equal(mined.Training.Count + mined.HeldOut.Count, mined.Counts.Sum(c => c.Training + c.HeldOut));
    }

    [Fact]
    public void Options_out_of_range_are_rejected_by_name()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new PairMiner(new PairMiningOptions { HeldOutShare = 1.5 }));

        Assert.Equal(nameof(PairMiningOptions.HeldOutShare), error.ParamName);
    }

    private static List<TextPair> Mine(IEnumerable<Act> acts)
    {
        var mined = MineAll(acts, new PairMiningOptions { HeldOutShare = 0, TranslationHeldOutShare = 0 });
        Assert.Empty(mined.HeldOut);
        return [.. mined.Training];
    }

    private static MinedPairs MineAll(IEnumerable<Act> acts, PairMiningOptions options)
    {
        var miner = new PairMiner(options);
        foreach (var act in acts)
        {
            miner.Add(act);
        }

        return miner.Mine();
    }
}
