using System.CommandLine;
using System.Globalization;
using Assistant.Core.Acts;
using Assistant.Core.Evaluation;
using Assistant.Core.Norms;
using Assistant.Core.Retrieval;
using Assistant.Indexer.Hosting;
using Assistant.Indexer.Terminal;
using Assistant.Inference.Reranking;
using Assistant.Storage.Catalog;

namespace Assistant.Indexer.Commands;

/// <summary>
/// <c>train-reranker</c>: learns to re-order the first rankers' candidates from the dev set's training questions and
/// from pseudo-questions made of the headings of laws' and codes' articles (searched with the headings withheld), then
/// writes the model folder with its training report.
/// </summary>
internal static class TrainRerankerCommand
{
    public static Command Create(CommandContext context)
    {
        var queries = new Option<string>("--queries")
        {
            Description = "JSONL of training questions {\"id\",\"question\",\"lang\",\"gold\":[{\"act\",\"article\"?}]}",
            Required = true,
        };
        var exclude = new Option<string[]>("--exclude")
        {
            Description = "Question files (the held-out part) whose gold articles no pseudo-question may be made from",
            AllowMultipleArgumentsPerToken = true,
        };
        var pseudo = new Option<int>("--pseudo") { Description = "Pseudo-questions from Russian article headings", DefaultValueFactory = _ => 1500 };
        var output = new Option<string>("--out") { Description = "The model folder to write", DefaultValueFactory = _ => Path.Combine("models", "rerank") };
        var seed = new Option<int>("--seed") { Description = "Seed of sampling, validation split and trees", DefaultValueFactory = _ => 1 };
        var trees = new Option<int>("--trees") { Description = "Boosted trees", DefaultValueFactory = _ => new RerankerTrainingOptions().Trees };
        var leaves = new Option<int>("--leaves") { Description = "Leaves per tree", DefaultValueFactory = _ => new RerankerTrainingOptions().Leaves };
        var mode = CliOptions.Mode();
        var model = CliOptions.Model();
        var thesaurus = CliOptions.Thesaurus();
        var command = new Command("train-reranker", "Train the learned re-ranker of search hits (LambdaMART over ranking, field, thesaurus and act features)")
        {
            queries, exclude, pseudo, output, seed, trees, leaves, mode, model, thesaurus,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetRequiredValue(queries);
            var held = parse.GetValue(exclude) ?? [];
            foreach (var file in held.Prepend(path).Where(f => !File.Exists(f)))
            {
                throw new CommandException($"No questions file at '{file}'.");
            }

            var chosen = parse.GetValue(mode) ?? RetrievalMode.Lexical;
            using var services = await SearchServices.OpenAsync(
                context, context.OpenExistingCatalog(parse, LexicalIndexKind.Memory), chosen, parse.GetValue(model), cancellationToken, parse.GetValue(thesaurus), reranker: "none");
            await services.Catalog.PrepareLexicalIndexAsync(cancellationToken);
            var depth = context.Settings.Fusion.RerankDepth;
            var withheld = held.SelectMany(EvalQuery.ReadAll).SelectMany(q => q.Gold).ToList();
            var random = new Random(parse.GetValue(seed));
            var questions = EvalQuery.ReadAll(path).Where(q => q.Gold.Count > 0)
                .Select(q => new Pending(q.Id, new SearchQuery(q.Question) { Top = depth }, RerankSource.Question, id => q.Gold.Any(g => RetrievalEvaluation.Matches(id, g))))
                .Concat(Headings(services.Catalog, parse.GetValue(pseudo), withheld, random))
                .ToList();

            var groups = new List<RerankGroup>(questions.Count);
            using (var bar = new ProgressBar("candidates"))
            {
                foreach (var question in questions)
                {
                    var (candidates, features) = await services.Retrieval.RerankableAsync(question.Query, chosen, depth, cancellationToken);
                    groups.Add(new RerankGroup(question.Id, question.Source, features, [.. candidates.Select(c => question.IsRight(c.NormId))]));
                    bar.Report(groups.Count / (double)questions.Count, string.Create(CultureInfo.InvariantCulture, $"{groups.Count}/{questions.Count} questions"));
                }
            }

            var options = new RerankerTrainingOptions { Seed = parse.GetValue(seed), Trees = parse.GetValue(trees), Leaves = parse.GetValue(leaves) };
            var folder = parse.GetRequiredValue(output);
            var result = await Task.Run(() => RerankerTraining.Train(groups, options, folder), cancellationToken);
            Print(result, groups, folder);
            return 0;
        });
        return command;
    }

    /// <summary>
    /// Russian headings of laws' and codes' articles as questions, sampled, searched with the headings withheld (or the
    /// re-ranker would learn that the right article is the one whose heading is the question).
    /// </summary>
    private static IEnumerable<Pending> Headings(LegalCatalog catalog, int count, List<GoldNorm> withheld, Random random)
    {
        if (count <= 0)
        {
            return [];
        }

        var headings = catalog.ArticleHeadings(Language.Ru)
            .Where(h => h.Heading.Length >= 12 && !withheld.Any(g => RetrievalEvaluation.Matches(h.NormId, g)))
            .ToArray();
        random.Shuffle(headings);
        return headings.Take(count).Select(h => new Pending(
            h.NormId.ToString(),
            new SearchQuery(h.Heading) { HeadingWithheld = true },
            RerankSource.Heading,
            id => id.ActId == h.NormId.ActId && id.Article == h.NormId.Article));
    }

    private static void Print(RerankerTrainingResult result, List<RerankGroup> groups, string folder)
    {
        var output = Console.Out;
        output.WriteLine($"wrote {Path.GetFullPath(folder)}");
        foreach (var source in groups.GroupBy(g => g.Source))
        {
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{source.Key,-14} {source.Count(),6} questions, right norm among the candidates for {source.Count(g => g.Relevant.Contains(true)) / (double)source.Count():P1}"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{result.Rows} candidates; validation on {result.Before.Questions} training questions left out of the first fit:"));
        output.WriteLine("                Hit@1  Hit@10    MRR");
        foreach (var (name, metrics) in new[] { ("first rankers", result.Before), ("re-ranked", result.After) })
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-14} {metrics.HitAt1,6:F3} {metrics.HitAt10,7:F3} {metrics.Mrr,6:F3}"));
        }

        output.WriteLine("feature gains: " + string.Join(", ", result.FeatureGains.Where(p => p.Value > 0).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value:F3}"))));
    }

    private sealed record Pending(string Id, SearchQuery Query, RerankSource Source, Func<NormId, bool> IsRight);
}
