using System.Text.Json;
using Assistant.Core.Acts;
using Assistant.Core.Adilet;
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
    public void Bulk_records_of_one_act_in_two_languages_are_paired_by_date_and_number()
    {
        var russian = BulkAct("ru-acts-other-00.jsonl.gz", "ru-ex-000002");
        var kazakh = BulkAct("kk-acts-02.jsonl.gz", "kk-002620");

        var mined = MineAll([russian, kazakh], new PairMiningOptions { HeldOutShare = 0, TranslationHeldOutShare = 0 });

        var translated = Assert.Single(mined.Translated);
        Assert.Equal(("ru-ex-000002", "kk-002620", "2023-12-22 №91"), (translated.RussianId, translated.KazakhId, translated.MatchedBy.ToString()));
        var pairs = mined.Training.Where(p => p.Kind == PairKind.Translation && p.Anchor.Norm is not null).ToList();
        Assert.True(pairs.Count >= 5, $"only {pairs.Count} translation pairs");
        Assert.All(pairs, pair =>
        {
            Assert.Equal("ru-ex-000002", pair.Anchor.Norm!.Value.ActId);
            Assert.Equal("kk-002620", pair.Positive.Norm!.Value.ActId);
            Assert.Equal(pair.Anchor.Norm.Value.ToString()["ru-ex-000002".Length..], pair.Positive.Norm.Value.ToString()["kk-002620".Length..]);
        });
    }

    [Fact]
    public void Of_two_records_of_one_registration_the_one_whose_numbers_agree_is_the_translation()
    {
        var russian = Record("ru-1", "Решение маслихата от 22 декабря 2023 года № 9-1", "1. Утвердить бюджет на 2024 год: доходы 1200 тенге, расходы 1100 тенге.");
        var other = Record("kk-1", "Жаңа мәслихатының 2023 жылғы 22 желтоқсандағы № 9-1 шешімі", "1. 2019 жылға арналған жоспарды 77 және 15 бекіту.");
        var translation = Record("kk-2", "Жаңа мәслихатының 2023 жылғы 22 желтоқсандағы № 9-1 шешімі", "1. 2024 жылға арналған бюджет бекітілсін: кірістер 1200 теңге, шығыстар 1100 теңге.");

        var mined = MineAll([russian, other, translation], new PairMiningOptions { HeldOutShare = 0, TranslationHeldOutShare = 0 });

        Assert.Equal([new ActTranslation("ru-1", "kk-2", ActRegistration.Of(russian))], mined.Translated);
        var pair = Assert.Single(mined.Training, p => p.Kind == PairKind.Translation && p.Anchor.Norm is not null);
        Assert.Equal(("ru-1/p:1", "kk-2/p:1"), (pair.Anchor.Norm.ToString(), pair.Positive.Norm.ToString()));
    }

    [Fact]
    public void Norms_at_the_same_place_whose_numbers_disagree_are_not_translations()
    {
        var russian = Record("ru-1", "Решение маслихата от 22 декабря 2023 года № 9-1", "1. Утвердить бюджет на 2024 год: доходы 1200 тенге.\n2. Выделить 500 тенге на дороги.\n3. Решение вводится в действие с 1 января 2024 года.");
        var kazakh = Record("kk-1", "Жаңа мәслихатының 2023 жылғы 22 желтоқсандағы № 9-1 шешімі", "1. 2024 жылға арналған бюджет бекітілсін: кірістер 1200 теңге.\n2. Осы шешім 2024 жылғы 1 қаңтардан бастап қолданысқа енгізіледі.\n3. Жолдарға 500 теңге бөлінсін.");

        var mined = MineAll([russian, kazakh], new PairMiningOptions { HeldOutShare = 0, TranslationHeldOutShare = 0 });

        Assert.Single(mined.Translated);
        var places = mined.Training.Where(p => p.Kind == PairKind.Translation && p.Anchor.Norm is not null).Select(p => p.Anchor.Norm!.Value.Point);
        Assert.Equal(["1"], places);
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

    [SharedFact]
    public void Articles_of_acts_found_in_one_language_only_are_offered_for_alignment_when_asked()
    {
        var labour = ParsedCorpus.Russian(LabourCode);
        Act[] acts = [ParsedCorpus.Russian(Constitution), ParsedCorpus.Kazakh(Constitution), labour];

        var mined = MineAll(acts, new PairMiningOptions(), withUnpaired: true);

        Assert.Empty(MineAll(acts, new PairMiningOptions()).Unpaired);
        Assert.All(mined.Unpaired, article => Assert.Equal(LabourCode, article.ActId));
        var articles = labour.Norms.Where(n => n.Kind == NormKind.Article).ToList();
        Assert.True(mined.Unpaired.Count >= articles.Count * 9 / 10, $"{mined.Unpaired.Count} of {articles.Count} articles");
        var first = mined.Unpaired[0];
        Assert.Equal(articles[0].Id, first.Norm);
        Assert.StartsWith(articles[0].Heading!, first.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_act_with_fewer_articles_than_the_minimum_is_not_offered_for_alignment()
    {
        var act = Record("ru-1", "Закон о примере", "Статья 1. Первая:Текст первой статьи закона.\nСтатья 2. Вторая:Текст второй статьи закона.");

        Assert.Empty(MineAll([act], new PairMiningOptions { MinAlignedArticles = 3 }, withUnpaired: true).Unpaired);
        Assert.Equal(2, MineAll([act], new PairMiningOptions { MinAlignedArticles = 2 }, withUnpaired: true).Unpaired.Count);
    }

    [SharedFact]
    public void Aligned_articles_become_translation_pairs_of_their_own_kind_split_like_translations()
    {
        var russian = ParsedCorpus.Russian(Constitution);
        var kazakh = ParsedCorpus.Kazakh(Constitution);
        var options = new PairMiningOptions { Seed = 5, TranslationHeldOutShare = 0.5 };
        var mined = MineAll([ParsedCorpus.Russian(LabourCode)], options);
        var aligned = russian.Norms.Where(n => n.Kind == NormKind.Article).Take(40)
            .Select(n => new AlignedArticles(
                new UnpairedArticle("ru-x", Language.Ru, n.Id, n.Text),
                new UnpairedArticle("kk-x", Language.Kk, n.Id, kazakh.Norm(n.Id.ToString()).Text)))
            .ToList();

        var withAligned = mined.WithAligned(aligned, options);

        var pairs = withAligned.Training.Concat(withAligned.HeldOut).Where(p => p.Kind == PairKind.AlignedTranslation).ToList();
        Assert.Equal(40, pairs.Count);
        Assert.Contains(withAligned.HeldOut, p => p.Kind == PairKind.AlignedTranslation);
        Assert.Contains(withAligned.Training, p => p.Kind == PairKind.AlignedTranslation);
        Assert.All(pairs, p => Assert.Equal("ru-kk", p.Languages));
        Assert.Equal([new ActAlignment("ru-x", "kk-x", 40)], withAligned.Aligned);
        Assert.Equal(withAligned.HeldOut, mined.WithAligned(aligned, options).HeldOut);
    }

    [SharedFact]
    public void Word_translations_are_read_off_the_constitution_in_two_languages()
    {
        var words = Mine([ParsedCorpus.Russian(Constitution), ParsedCorpus.Kazakh(Constitution)])
            .Where(p => p.Kind == PairKind.WordTranslation)
            .Select(p => (p.Anchor.Text, p.Positive.Text))
            .ToList();

        Assert.Contains(words, w => w.Item1.StartsWith("парламент", StringComparison.Ordinal) && w.Item2.StartsWith("парламент", StringComparison.Ordinal));
        Assert.Contains(words, w => w.Item1.StartsWith("суд", StringComparison.Ordinal) && w.Item2.StartsWith("сот", StringComparison.Ordinal));
    }

    [Fact]
    public void Options_out_of_range_are_rejected_by_name()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new PairMiner(new PairMiningOptions { HeldOutShare = 1.5 }));

        Assert.Equal(nameof(PairMiningOptions.HeldOutShare), error.ParamName);
    }

    private static Act BulkAct(string file, string id) =>
        BulkRecordReader.ReadFile(SharedData.Path("corpus", "bulk", file)).Select(entry => entry.Act).First(act => act?.Id == id)!;

    private static Act Record(string id, string title, string text) =>
        BulkRecordReader.ReadRecord(
            JsonSerializer.Serialize(new { id, lang = id[..2], title, text }),
            "test.jsonl",
            1).Act!;

    private static List<TextPair> Mine(IEnumerable<Act> acts)
    {
        var mined = MineAll(acts, new PairMiningOptions { HeldOutShare = 0, TranslationHeldOutShare = 0 });
        Assert.Empty(mined.HeldOut);
        return [.. mined.Training];
    }

    private static MinedPairs MineAll(IEnumerable<Act> acts, PairMiningOptions options, bool withUnpaired = false)
    {
        var miner = new PairMiner(options);
        foreach (var act in acts)
        {
            miner.Add(act);
        }

        return miner.Mine(withUnpaired);
    }
}
