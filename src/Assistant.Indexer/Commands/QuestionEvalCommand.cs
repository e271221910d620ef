using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Assistant.Core.Acts;
using Assistant.Core.Answers;
using Assistant.Core.Discussion;
using Assistant.Core.Drafts;
using Assistant.Core.Retrieval;
using Assistant.Storage.Retrieval;
using Microsoft.SemanticKernel;

namespace Assistant.Indexer.Commands;

/// <summary>
/// indexer draft eval-questions: the public's questions about drafts (tune.jsonl, test.jsonl), answered from the
/// draft's scope as the portal answers them, against whether each should be answered or abstained from; beside
/// the same questions answered from the whole catalog at chat's threshold, the peer without a scope.
/// </summary>
internal static class QuestionEvalCommand
{
    private static readonly string[] Splits = ["tune", "test"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Command Create(CommandContext context)
    {
        var folder = new Argument<DirectoryInfo>("dir") { Description = "Folder with tune.jsonl and test.jsonl: {draft, question, expect: answer|abstain}" };
        var coverage = new Option<double>("--min-coverage") { Description = "Discussion:MinTermCoverage to measure", DefaultValueFactory = _ => DraftScope.DefaultMinTermCoverage };
        var prompts = new Option<DirectoryInfo>("--prompts") { Description = "The answer prompts' folder", DefaultValueFactory = _ => new DirectoryInfo("prompts") };
        var verbose = new Option<bool>("--verbose") { Description = "Print every question's outcome" };
        var command = new Command("eval-questions", "Public questions about drafts: answered in scope, abstained outside it") { folder, coverage, prompts, verbose };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var root = parse.GetRequiredValue(folder);
            using var catalog = context.OpenExistingCatalog(parse);
            var retriever = new CatalogRetriever(catalog, new CatalogRetrieval(catalog, new NormRanking(new FusionOptions())));
            var prompt = AnswerPrompt.Load(parse.GetRequiredValue(prompts).FullName);
            var kernel = Kernel.CreateBuilder().Build();
            var parser = new DraftParser(new ActResolver(catalog.ActTitles()));
            foreach (var split in Splits)
            {
                var path = Path.Combine(root.FullName, split + ".jsonl");
                if (!File.Exists(path))
                {
                    throw new CommandException($"No file '{path}'.");
                }

                // A draft is read and applied once, however many questions ask about it.
                var scopes = new Dictionary<string, DraftScope>(StringComparer.Ordinal);
                var scoped = new Score();
                var unscoped = new Score();
                foreach (var line in File.ReadLines(path).Where(l => l.Length > 0))
                {
                    var item = JsonSerializer.Deserialize<Item>(line, Json) ?? throw new CommandException($"{path}: an empty line.");
                    if (!scopes.TryGetValue(item.Draft, out var scope))
                    {
                        var text = File.ReadAllText(item.Draft);
                        var parsed = parser.Parse(text);
                        var draft = new Draft("eval", parsed.Title, DraftStatus.Submitted, parsed.Language, parsed.TargetActs, text, "eval", default);
                        scope = new DraftScope(retriever, draft, new DraftConsolidator(catalog).Apply(parsed), DraftOutline.Read(text), act => catalog.GetAct(act)?.Title ?? act);
                        scopes[item.Draft] = scope;
                    }

                    var inScope = await AnswersAsync(scope, kernel, prompt, parse.GetValue(coverage), item.Question, AnswerScope.Draft, cancellationToken);
                    var whole = await AnswersAsync(retriever, kernel, prompt, new AnswerOptions().MinTermCoverage, item.Question, AnswerScope.Index, cancellationToken);
                    var shouldAnswer = item.Expect == "answer";
                    scoped.Add(shouldAnswer, inScope);
                    unscoped.Add(shouldAnswer, whole);
                    if (parse.GetValue(verbose) || inScope != shouldAnswer)
                    {
                        Console.Out.WriteLine($"{split}: {(inScope ? "answered " : "abstained")} (expected {item.Expect}) {Path.GetFileName(item.Draft)}: {item.Question}");
                    }
                }

                Console.Out.WriteLine($"{split}: draft scope, coverage >= {parse.GetValue(coverage).ToString(CultureInfo.InvariantCulture)}: {scoped}");
                Console.Out.WriteLine($"{split}: whole catalog, chat's coverage >= {new AnswerOptions().MinTermCoverage.ToString(CultureInfo.InvariantCulture)} (peer): {unscoped}");
            }

            return 0;
        });
        return command;
    }

    /// <summary>Whether the answerer answers (true) or abstains (false), with no model: the abstention is decided before one would be asked.</summary>
    private static async Task<bool> AnswersAsync(INormRetriever retriever, Kernel kernel, AnswerPrompt prompt, double minCoverage, string question, AnswerScope scope, CancellationToken cancellationToken)
    {
        var answerer = new GroundedAnswerer(retriever, kernel, prompt, new AnswerOptions());
        await foreach (var step in answerer.AnswerAsync(new AnswerRequest(question, [], Language.Ru, new RetrievalFilters(Language.Ru), Scope: scope, MinTermCoverage: minCoverage), cancellationToken))
        {
            if (step is AnswerCompleted completed)
            {
                return completed.Result.Mode != AnswerMode.Abstention;
            }
        }

        return false;
    }

    private sealed record Item(string Draft, string Question, string Expect);

    private sealed class Score
    {
        private int _answerable;
        private int _answered;
        private int _outside;
        private int _abstained;

        public void Add(bool shouldAnswer, bool answered)
        {
            if (shouldAnswer)
            {
                _answerable++;
                _answered += answered ? 1 : 0;
            }
            else
            {
                _outside++;
                _abstained += answered ? 0 : 1;
            }
        }

        public override string ToString() => string.Create(
            CultureInfo.InvariantCulture,
            $"in-scope answered {_answered}/{_answerable}, out-of-scope abstained {_abstained}/{_outside}, accuracy {(double)(_answered + _abstained) / Math.Max(1, _answerable + _outside):P0}");
    }
}
