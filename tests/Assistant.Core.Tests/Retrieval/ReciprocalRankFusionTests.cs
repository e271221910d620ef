using Assistant.Core.Acts;
using Assistant.Core.Norms;
using Assistant.Core.Retrieval;
using Assistant.Core.Vectors;

namespace Assistant.Core.Tests.Retrieval;

public class ReciprocalRankFusionTests
{
    private static readonly NormId Theft = NormId.Parse("K1400000226/art:188");
    private static readonly NormId Robbery = NormId.Parse("K1400000226/art:190");
    private static readonly NormId Fraud = NormId.Parse("K1400000226/art:189");

    [Fact]
    public void A_norm_found_by_both_sides_outranks_norms_found_by_one()
    {
        var lexical = new[] { Candidate(Robbery), Candidate(Theft) };
        var dense = new[] { Hit(Fraud), Hit(Theft) };

        var fused = ReciprocalRankFusion.Fuse(lexical, dense, k: 60, top: 10);

        Assert.Equal([Theft, Robbery, Fraud], fused.Select(norm => norm.NormId));
        Assert.Equal(1.0 / 62 + 1.0 / 62, fused[0].Score, 12);
        Assert.Equal((2, 2), (fused[0].LexicalRank!.Value, fused[0].DenseRank!.Value));
        Assert.Null(fused[2].LexicalRank);
    }

    [Fact]
    public void Norms_the_question_names_stay_first_whatever_the_dense_side_says()
    {
        var named = NormId.Parse("K1400000226/art:99");
        var lexical = new[] { Candidate(named, namedInQuery: true), Candidate(Theft) };
        var dense = new[] { Hit(Theft), Hit(Fraud) };

        var fused = ReciprocalRankFusion.Fuse(lexical, dense, k: 60, top: 10);

        Assert.Equal(named, fused[0].NormId);
        Assert.True(fused[0].NamedInQuery);
    }

    [Fact]
    public void A_paragraph_and_its_article_are_one_entry_shown_as_the_paragraph()
    {
        var paragraph = NormId.Parse("K1400000226/art:188/p:2");
        var lexical = new[] { Candidate(paragraph, namedInQuery: true), Candidate(Theft) };
        var dense = new[] { Hit(Theft) };

        var fused = ReciprocalRankFusion.Fuse(lexical, dense, k: 60, top: 10);

        var entry = Assert.Single(fused);
        Assert.Equal(paragraph, entry.NormId);
        Assert.Equal(new VectorKey(Theft, Language.Ru), entry.Key);
        Assert.Equal(1, entry.DenseRank);
    }

    [Fact]
    public void The_same_norm_in_two_languages_is_two_entries()
    {
        var lexical = new[] { Candidate(Theft, language: Language.Kk) };
        var dense = new[] { Hit(Theft) };

        var fused = ReciprocalRankFusion.Fuse(lexical, dense, k: 60, top: 10);

        Assert.Equal(2, fused.Count);
    }

    [Fact]
    public void A_lighter_dense_side_lets_lexical_ranks_decide()
    {
        var lexical = new[] { Candidate(Robbery), Candidate(Theft) };
        var dense = new[] { Hit(Theft) };

        var even = ReciprocalRankFusion.Fuse(lexical, dense, k: 60, top: 10);
        var light = ReciprocalRankFusion.Fuse(lexical, dense, k: 60, top: 10, lexicalWeight: 1, denseWeight: 0.01);

        Assert.Equal(Theft, even[0].NormId);
        Assert.Equal(Robbery, light[0].NormId);
    }

    [Fact]
    public void Fusion_returns_at_most_top_norms()
    {
        var lexical = Enumerable.Range(1, 30).Select(i => Candidate(new NormId("K1", i.ToString(System.Globalization.CultureInfo.InvariantCulture)))).ToList();

        Assert.Equal(5, ReciprocalRankFusion.Fuse(lexical, [], k: 60, top: 5).Count);
    }

    private static LexicalCandidate Candidate(NormId id, bool namedInQuery = false, Language language = Language.Ru) => new(id, language, namedInQuery);

    private static VectorHit Hit(NormId id) => new(new VectorKey(id, Language.Ru), id.ActId, 0.5);
}
