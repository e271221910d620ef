using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Assistant.Core.Acts;
using Assistant.Core.Changes;
using Assistant.Core.Drafts;
using Assistant.Core.Editions;
using Assistant.Core.Forecasts;
using Assistant.Core.Retrieval;
using Assistant.Indexer.Hosting;
using Assistant.Inference.Llama;
using Assistant.Storage.Retrieval;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;

namespace Assistant.Indexer.Commands;

/// <summary>
/// indexer draft parse|apply|generate|eval: amending laws read into operations on norms, applied to an edition,
/// written from two editions, and measured against the later edition.
/// </summary>
internal static class DraftCommand
{
    public static Command Create(CommandContext context) => new("draft", "Draft amending laws: parse, apply to an edition, generate from two editions, evaluate")
    {
        Parse(),
        Apply(context),
        Forecast(context),
        Generate(),
        Evaluate(),
        ForecastEvalCommand.Create(context),
        ConflictEvalCommand.Create(),
        QuestionEvalCommand.Create(context),
    };

    private static Option<Language?> EditionLanguage() => CliOptions.Lang(
        "--edition-lang", "The language of the edition amended: ru or kk (default the draft's); a Kazakh-worded draft of the Russian text needs ru");

    private static Option<string[]> Corpus(bool required = true) => new("--corpus")
    {
        Description = "Adilet .txt files, bulk .jsonl(.gz) files or folders the editions are read from (e.g. ../shared/corpus/adilet/ru ../shared/corpus/bulk/ru-acts-2024-00.jsonl.gz)"
            + (required ? "" : "; default the editions in the catalog"),
        AllowMultipleArgumentsPerToken = true,
        Required = required,
    };

    private static Command Parse()
    {
        var file = new Argument<FileInfo>("file") { Description = "The draft's text (UTF-8)" };
        var json = CliOptions.Json();
        var command = new Command("parse", "Read a draft's amendment instructions into operations on norms") { file, json };
        command.SetAction(parse =>
        {
            var draft = new DraftParser(new ActResolver()).Parse(ReadDraft(parse.GetRequiredValue(file)));
            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(DraftJson.Parsed(draft), IndexerJson.Options));
            }
            else
            {
                Console.Out.WriteLine($"{draft.Title} [{draft.Language.ToCode()}] amends {string.Join(", ", draft.TargetActs)}");
                foreach (var instruction in draft.Instructions)
                {
                    var operation = instruction.Operation;
                    Console.Out.WriteLine($"{instruction.Line,5}  {operation.Kind,-16} {operation.Target}{(operation.Unit is { } unit ? $" + {unit.Kind} {unit.Number}" : "")}{(operation.Words is { } words ? $" «{words}»" : "")}{(operation.NewWords is { } newWords ? $" → «{newWords}»" : "")}");
                }

                PrintFailed(draft.Failed);
            }

            return draft.Failed.Count == 0 ? 0 : 1;
        });
        return command;
    }

    private static Command Apply(CommandContext context)
    {
        var file = new Argument<FileInfo>("file") { Description = "The draft's text (UTF-8)" };
        var edition = new Option<string?>("--edition") { Description = "The edition to apply it to: a label (2024-03) or a source record id (ru2024-261); default the current one" };
        var corpus = Corpus(required: false);
        var language = EditionLanguage();
        var json = CliOptions.Json();
        var command = new Command("apply", "Apply a draft to an edition of the catalog (or of --corpus): the draft's text of each norm it changes, with a redline") { file, edition, corpus, language, json };
        command.SetAction(parse =>
        {
            var text = ReadDraft(parse.GetRequiredValue(file));
            IReadOnlyList<Consolidation> Consolidate(IEditionSource editions, IEnumerable<ActTitle> titles) =>
                new DraftConsolidator(editions).Apply(new DraftParser(new ActResolver(titles)).Parse(text), parse.GetValue(edition), parse.GetValue(language));

            IReadOnlyList<Consolidation> results;
            if (parse.GetValue(corpus) is { Length: > 0 } paths)
            {
                var editions = ParsedEditions.Load(paths);
                results = Consolidate(editions, Titles(editions));
            }
            else
            {
                using var catalog = context.OpenExistingCatalog(parse);
                results = Consolidate(catalog, catalog.ActTitles());
            }

            if (parse.GetValue(json))
            {
                var documents = results.Select(DraftJson.Applied).ToArray();
                Console.Out.WriteLine(JsonSerializer.Serialize(documents.Length == 1 ? documents[0] : documents, IndexerJson.Options));
            }
            else
            {
                foreach (var result in results)
                {
                    Console.Out.WriteLine($"{result.ActId} — edition {result.Edition}: {result.Norms.Count} norms changed, {result.Failed.Count} instructions not applied");
                    foreach (var norm in result.Norms)
                    {
                        Console.Out.WriteLine();
                        Console.Out.WriteLine($"[{norm.Id}]");
                        Console.Out.WriteLine(Redline.Marked(norm.Redline));
                    }

                    PrintFailed(result.Failed);
                }
            }

            return results.All(r => r.Failed.Count == 0) ? 0 : 1;
        });
        return command;
    }

    private static Command Forecast(CommandContext context)
    {
        var file = new Argument<FileInfo>("file") { Description = "The draft's text (UTF-8)" };
        var edition = new Option<string?>("--edition") { Description = "The edition to apply it to (default the current one)" };
        var twin = new Option<FileInfo?>("--twin") { Description = "The draft's other language version: both must make the same operations on the same norms" };
        var language = EditionLanguage();
        var output = new Option<FileInfo?>("--out") { Description = "Also write the report to this file (.html or .docx)" };
        var chatModel = new Option<FileInfo?>("--chat-model") { Description = "A chat model (GGUF) to write the consequences by area with (llama.cpp through LLamaSharp); without one they are not written" };
        var threads = new Option<int?>("--threads") { Description = "CPU threads of the model (default: all cores)" };
        var gpuLayers = new Option<int>("--gpu-layers") { DefaultValueFactory = _ => 0, Description = "Layers of the model offloaded to the GPU" };
        var maxTokens = new Option<int>("--max-tokens") { DefaultValueFactory = _ => new NarrativeOptions().MaxTokens, Description = "Tokens the model may write; output cut before its JSON closes is no narrative" };
        var json = CliOptions.Json();
        var noConflicts = new Option<bool>("--no-conflicts") { Description = "Do not look for possible conflicts and duplication in other acts" };
        var mode = CliOptions.Mode();
        mode.Description = "How the closest norms of other acts are searched for conflicts: lexical or hybrid (default hybrid when vectors and a model exist, else lexical)";
        var model = CliOptions.Model();
        var command = new Command("forecast", "What a draft changes and breaks: affected norms with redlines, the norms that refer to them, broken references, drafting-rule findings, follow-up acts, possible conflicts with other acts, and with a chat model the consequences by area")
        {
            file, edition, twin, language, output, json, noConflicts, mode, model, chatModel, threads, gpuLayers, maxTokens,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(output) is { } format && !IsReport(format, ".html") && !IsReport(format, ".docx"))
            {
                throw new CommandException($"--out {format}: reports are written as .html or .docx.");
            }

            var text = ReadDraft(parse.GetRequiredValue(file));
            using var services = await NeighbourServices(context, parse, parse.GetValue(mode), parse.GetValue(model), cancellationToken);
            var catalog = services.Catalog;
            var titles = catalog.ActTitles().ToList();
            var parser = new DraftParser(new ActResolver(titles));
            var other = parse.GetValue(twin) is { } twinFile ? parser.Parse(ReadDraft(twinFile)) : null;
            var parsed = parser.Parse(text);
            var neighbours = parse.GetValue(noConflicts) ? null : new CatalogNeighbours(catalog, services.Retrieval, parse.GetValue(mode));
            var forecast = await new ForecastBuilder(catalog, catalog, new ActTitleIndex(titles), catalog.Bylaws(parse.GetValue(language) ?? parsed.Language), neighbours)
                .BuildAsync(parsed, text, parse.GetValue(edition), parse.GetValue(language), other, null, cancellationToken);
            if (parse.GetValue(chatModel) is { } gguf)
            {
                forecast = forecast with { Narrative = await NarrateAsync(forecast, gguf, parse.GetValue(threads), parse.GetValue(gpuLayers), parse.GetValue(maxTokens), cancellationToken) };
            }

            if (parse.GetValue(output) is { } report)
            {
                if (IsReport(report, ".docx"))
                {
                    File.WriteAllBytes(report.FullName, ForecastDocument.Docx(forecast));
                }
                else
                {
                    File.WriteAllText(report.FullName, ForecastReport.Html(forecast));
                }
            }

            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(ForecastJson.Serialize(forecast));
            }
            else
            {
                PrintForecast(forecast, neighbours is null ? "not searched" : (parse.GetValue(mode) ?? services.Retrieval.Ranking.DefaultMode).ToCode());
            }

            return 0;
        });
        return command;
    }

    private static bool IsReport(FileInfo file, string extension) => file.Extension.Equals(extension, StringComparison.OrdinalIgnoreCase);

    /// <summary>The catalog with hybrid retrieval when asked, or when vectors and a model are there; lexical otherwise.</summary>
    private static async Task<SearchServices> NeighbourServices(CommandContext context, ParseResult parse, RetrievalMode? mode, string? model, CancellationToken cancellationToken)
    {
        var catalog = context.OpenExistingCatalog(parse);
        if (mode is { } chosen)
        {
            return await SearchServices.OpenAsync(context, catalog, chosen, model, cancellationToken);
        }

        try
        {
            return await SearchServices.OpenAsync(context, catalog, RetrievalMode.Hybrid, model, cancellationToken);
        }
        catch (CommandException)
        {
            return await SearchServices.OpenAsync(context, catalog, RetrievalMode.Lexical, model, cancellationToken);
        }
    }

    private static void PrintForecast(Forecast forecast, string neighbours)
    {
        Console.Out.WriteLine($"{forecast.Title} [{forecast.Language.ToCode()}]");
        Console.Out.WriteLine($"affected norms ({forecast.Affected.Count}):");
        foreach (var norm in forecast.Affected)
        {
            Console.Out.WriteLine($"  {norm.Id,-40} {norm.Change.ToString().ToLowerInvariant(),-9} line {string.Join(", ", norm.Lines)}");
        }

        foreach (var (title, list) in new[] { ("broken references", forecast.BrokenReferences), ("dependent norms", forecast.Dependents) })
        {
            Console.Out.WriteLine($"{title} ({list.Count}):");
            foreach (var dependent in list)
            {
                Console.Out.WriteLine($"  {dependent.From} → {dependent.Target} (affected {dependent.Affected}): {dependent.Sentence}");
            }
        }

        Console.Out.WriteLine($"changed terms ({forecast.Terms.Count}):");
        foreach (var term in forecast.Terms)
        {
            Console.Out.WriteLine($"  «{term.Term}» ({term.Definition}, {term.Change.ToString().ToLowerInvariant()}): used in {term.UsedIn.Count} norms{(term.UsedIn.Count > 0 ? ": " + string.Join(", ", term.UsedIn.Take(12)) + (term.UsedIn.Count > 12 ? ", …" : "") : "")}");
        }

        Console.Out.WriteLine($"drafting rules ({forecast.Findings.Count}):");
        foreach (var finding in forecast.Findings)
        {
            Console.Out.WriteLine($"  {finding.Rule}{(finding.Line is { } line ? $" line {line}" : "")}: {finding.Message}");
        }

        Console.Out.WriteLine($"follow-up acts ({forecast.FollowUps.Count}):");
        foreach (var followUp in forecast.FollowUps)
        {
            Console.Out.WriteLine($"  {followUp.Norm}: {followUp.Body} — «{followUp.Phrase}»");
            foreach (var existing in followUp.Existing)
            {
                Console.Out.WriteLine($"    existing ({existing.Basis}, {existing.Score:F2}): {existing.ActId} {existing.Title}");
            }
        }

        Console.Out.WriteLine($"possible conflicts and duplication ({forecast.Conflicts.Count}; closest norms searched {neighbours}):");
        foreach (var conflict in forecast.Conflicts)
        {
            var hierarchy = conflict.Hierarchy is HierarchyRelation.Lower or HierarchyRelation.Higher ? $", the other act is {conflict.Hierarchy.ToString().ToLowerInvariant()} ({conflict.OtherActKind})" : "";
            Console.Out.WriteLine(conflict.Kind == ConflictKind.Duplication
                ? $"  duplication {conflict.Norm} ≈ {conflict.Other} ({conflict.OtherCitation}, overlap {conflict.Overlap:0.00}{hierarchy}): {conflict.OtherSentence}"
                : $"  {conflict.Value.Kind.ToString().ToLowerInvariant()} {conflict.Norm} «{conflict.Value.Phrase}» ≠ {conflict.Other} «{conflict.OtherValue.Phrase}» ({conflict.OtherCitation}, overlap {conflict.Overlap:0.00}{hierarchy})");
        }

        var narrative = forecast.Narrative;
        Console.Out.WriteLine($"consequences by area: {NarrativeText(narrative)}");
        foreach (var item in narrative.Items)
        {
            Console.Out.WriteLine($"  {item.Area.ToString().ToLowerInvariant()}: {item.Text} [{string.Join(", ", item.Cites.Select(c => c.Number))}]");
        }
    }

    private static string NarrativeText(ForecastNarrative narrative) => narrative.IsPresent
        ? $"written by AI ({narrative.Model}); {narrative.Items.Count} items, {narrative.RemovedCitations.Count} citations removed, {narrative.DroppedItems} items without a valid citation left out; "
            + $"prompt {narrative.Usage?.PromptTokens} tokens at {narrative.Usage?.PromptTokensPerSecond:F1} tok/s, output {narrative.Usage?.OutputTokens} tokens at {narrative.Usage?.OutputTokensPerSecond:F1} tok/s"
        : narrative.AbsentReason!;

    /// <summary>The consequences by area, written by the model at <paramref name="gguf"/> through the forecast prompt.</summary>
    private static async Task<ForecastNarrative> NarrateAsync(Forecast forecast, FileInfo gguf, int? threads, int gpuLayers, int maxTokens, CancellationToken cancellationToken)
    {
        if (!gguf.Exists)
        {
            throw new CommandException($"--chat-model {gguf}: no such file.");
        }

        var options = new NarrativeOptions { MaxTokens = maxTokens };
        LlamaRuntime.Initialize(new LlamaRuntimeOptions());
        using var chat = LlamaChatClient.Create(
            new LlamaModelOptions { Path = gguf.FullName, GpuLayers = gpuLayers },
            new LlamaEngineOptions { ContextSize = 8192, MaxSequences = 1, Threads = threads ?? Environment.ProcessorCount },
            new LlamaChatClientOptions { MaxOutputTokens = options.MaxTokens });
        var kernel = Kernel.CreateBuilder();
        kernel.Services.AddSingleton<IChatClient>(chat);
        var prompt = ForecastPrompt.Load(Path.Combine(AppContext.BaseDirectory, "prompts"));
        return await new ForecastNarrator(kernel.Build(), prompt, options).WriteAsync(forecast, cancellationToken);
    }

    private static Command Generate()
    {
        var act = new Option<string>("--act") { Description = "The act's id, e.g. K1500000414", Required = true };
        var from = new Option<string>("--from") { Description = "The older edition (label or record id, e.g. ru2024-261)", Required = true };
        var to = new Option<string?>("--to") { Description = "The later edition (default the current one)" };
        var corpus = Corpus();
        var output = new Option<FileInfo>("--out") { Description = "The draft file to write; with --articles-per-draft, <name>.01.txt, <name>.02.txt…", Required = true };
        var perDraft = new Option<int?>("--articles-per-draft") { Description = "Split the changes into drafts of at most this many articles" };
        var formulas = CliOptions.Lang("--formulas", "The language of the formulas: ru (default) or kk; the quoted text is the editions' own");
        var command = new Command("generate", "Write, in the official formulas, the draft that turns one edition of an act into another") { act, from, to, corpus, output, perDraft, formulas };
        command.SetAction(parse =>
        {
            var id = parse.GetRequiredValue(act);
            var known = KnownActs.FindById(id) ?? throw new CommandException($"{id} is not a known code: the opening formula names the act by its title and date.");
            var editions = ParsedEditions.Load(parse.GetRequiredValue(corpus), a => a.Id == id);
            var older = editions.Read(id, Language.Ru, parse.GetRequiredValue(from)) ?? throw new CommandException($"No edition {parse.GetValue(from)} of {id} in the corpus given.");
            var later = editions.Read(id, Language.Ru, parse.GetValue(to)) ?? throw new CommandException($"No edition {parse.GetValue(to) ?? "(current)"} of {id} in the corpus given.");
            var wording = parse.GetValue(formulas) ?? Language.Ru;
            var whole = AmendingDraftWriter.Write(older, later, known, wording)
                ?? throw new CommandException($"Editions {older.Edition} and {later.Edition} of {id} differ in no article.");
            var size = parse.GetValue(perDraft) ?? whole.Articles.Count;
            if (size < 1)
            {
                throw new CommandException("--articles-per-draft must be at least 1.");
            }

            var path = parse.GetRequiredValue(output);
            var chunks = whole.Articles.Chunk(size).ToArray();
            for (var i = 0; i < chunks.Length; i++)
            {
                var draft = chunks.Length == 1 ? whole : AmendingDraftWriter.Write(older, later, known, wording, chunks[i].ToHashSet(StringComparer.Ordinal))!;
                var file = chunks.Length == 1 ? path : new FileInfo(Path.Combine(path.DirectoryName ?? ".", $"{Path.GetFileNameWithoutExtension(path.Name)}.{i + 1:00}{path.Extension}"));
                file.Directory?.Create();
                File.WriteAllText(file.FullName, draft.Text, new UTF8Encoding(false));
                Console.Out.WriteLine($"{file}: {draft.Articles.Count} articles, {string.Join(", ", draft.Operations.OrderBy(o => o.Key).Select(o => $"{o.Key}={o.Value}"))}");
            }

            return 0;
        });
        return command;
    }

    private static Command Evaluate()
    {
        var folder = new Argument<DirectoryInfo>("dir") { Description = "Folder of drafts (*.txt); each subfolder is reported as a set (dev, heldout)" };
        var corpus = Corpus();
        var verbose = new Option<bool>("--verbose") { Description = "Print every miss" };
        var language = EditionLanguage();
        var command = new Command("eval", "Apply each draft to the oldest edition of its act and compare with the current one") { folder, corpus, language, verbose };
        command.SetAction(parse =>
        {
            var root = parse.GetRequiredValue(folder);
            if (!root.Exists)
            {
                throw new CommandException($"No folder '{root}'.");
            }

            var editions = ParsedEditions.Load(parse.GetRequiredValue(corpus));
            var parser = new DraftParser(new ActResolver(Titles(editions)));
            var sets = root.EnumerateFiles("*.txt", SearchOption.AllDirectories)
                .GroupBy(f => Path.GetRelativePath(root.FullName, f.DirectoryName!) is var set && set != "." ? set : root.Name)
                .OrderBy(g => g.Key, StringComparer.Ordinal);
            var output = Console.Out;
            var all = new List<DraftScore>();
            foreach (var set in sets)
            {
                var scores = new List<DraftScore>();
                foreach (var file in set.OrderBy(f => f.Name, StringComparer.Ordinal))
                {
                    var draft = parser.Parse(ReadDraft(file));
                    var textLanguage = parse.GetValue(language) ?? draft.Language;
                    var act = draft.TargetActs.Count > 0 ? draft.TargetActs[0] : null;
                    var oldest = act is null ? null : editions.EditionsOf(act, textLanguage) is { Count: > 0 } list ? list[0] : null;
                    var from = oldest is null ? "(none)" : ParsedEditions.RecordId(oldest) ?? oldest.Edition ?? string.Empty;
                    var score = ConsolidationEvaluation.Score(file.Name, draft, editions, from, language: textLanguage);
                    scores.Add(score);
                    output.WriteLine($"{set.Key}/{file.Name}: {act} from {from}: {score.Reproduced}/{score.Norms} norms reproduced, {score.Operations.Values.Sum()} operations");
                    if (parse.GetValue(verbose))
                    {
                        foreach (var miss in score.Misses)
                        {
                            output.WriteLine($"  miss {miss.Article ?? "-"}: {miss.Category}: {miss.Detail}");
                        }
                    }
                }

                PrintTotals(set.Key, scores);
                all.AddRange(scores);
            }

            var norms = all.Sum(s => s.Norms);
            var reproduced = all.Sum(s => s.Reproduced);
            output.WriteLine($"drafts={all.Count} norms={norms} reproduced={reproduced} share={Share(reproduced, norms)}");
            return 0;
        });
        return command;
    }

    private static void PrintTotals(string set, List<DraftScore> scores)
    {
        var output = Console.Out;
        var norms = scores.Sum(s => s.Norms);
        var reproduced = scores.Sum(s => s.Reproduced);
        var operations = scores.SelectMany(s => s.Operations).GroupBy(o => o.Key).OrderBy(g => g.Key).Select(g => $"{g.Key}={g.Sum(o => o.Value)}");
        output.WriteLine($"set {set}: drafts={scores.Count} norms={norms} reproduced={reproduced} share={Share(reproduced, norms)}");
        output.WriteLine($"set {set}: operations {string.Join(' ', operations)}");
        foreach (var category in scores.SelectMany(s => s.Misses).GroupBy(m => m.Category).OrderByDescending(g => g.Count()))
        {
            output.WriteLine($"set {set}: miss {category.Key}: {category.Count()} (e.g. {category.First().Draft} {category.First().Article}: {category.First().Detail})");
        }
    }

    private static string Share(int part, int whole) => whole == 0 ? "n/a" : (part / (double)whole).ToString("F4", CultureInfo.InvariantCulture);

    private static IEnumerable<ActTitle> Titles(ParsedEditions editions) =>
        editions.Acts.Select(a => new ActTitle(a.Id, a.Title, a.AdoptedOn));

    private static string ReadDraft(FileInfo file) => file.Exists
        ? File.ReadAllText(file.FullName)
        : throw new CommandException($"No draft file '{file}'.");

    private static void PrintFailed(IReadOnlyList<FailedInstruction> failed)
    {
        foreach (var failure in failed)
        {
            Console.Out.WriteLine($"line {failure.Line}: {failure.Reason}: {failure.Instruction}");
        }
    }
}
