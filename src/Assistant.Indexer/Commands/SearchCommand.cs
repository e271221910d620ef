using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Assistant.Core.Acts;
using Assistant.Core.Editions;
using Assistant.Core.Retrieval;
using Assistant.Indexer.Hosting;
using Assistant.Storage.Catalog;

namespace Assistant.Indexer.Commands;

internal static class SearchCommand
{
    public static Command Create(CommandContext context)
    {
        var query = new Argument<string>("query") { Description = "Question or norm reference («ст. 188 УК», «88-бап Еңбек кодексі»)" };
        var top = CliOptions.Top(10);
        var lang = CliOptions.Lang();
        var act = new Option<string?>("--act") { Description = "Only norms of this act (Adilet code)" };
        var all = new Option<bool>("--include-repealed") { Description = "Also search acts that are repealed or expired" };
        var edition = new Option<string?>("--edition") { Description = "Search this edition of the acts (e.g. 2024-03) instead of the current ones" };
        var asOf = new Option<string?>("--as-of") { Description = "Search the law as it stood on this date (YYYY-MM-DD): each act's edition in force then" };
        var json = CliOptions.Json();
        var mode = CliOptions.Mode();
        var model = CliOptions.Model();
        var thesaurus = CliOptions.Thesaurus();
        var reranker = CliOptions.Reranker();
        var command = new Command("search", "Find norms by question or reference") { query, top, lang, act, all, edition, asOf, json, mode, model, thesaurus, reranker };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var text = parse.GetRequiredValue(query);
            if (string.IsNullOrWhiteSpace(text))
            {
                throw new CommandException("The query is empty.");
            }

            var chosen = parse.GetValue(mode) ?? RetrievalMode.Lexical;
            using var services = await SearchServices.OpenAsync(context, context.OpenExistingCatalog(parse), chosen, parse.GetValue(model), cancellationToken, parse.GetValue(thesaurus), parse.GetValue(reranker));
            var search = new SearchQuery(text)
            {
                Top = parse.GetValue(top),
                Language = parse.GetValue(lang),
                ActId = parse.GetValue(act),
                IncludeNotInForce = parse.GetValue(all),
                Edition = parse.GetValue(edition),
                AsOf = parse.GetValue(asOf) is { } date ? EditionDates.ParseAsOf(date) : null,
            };
            var result = await services.Retrieval.SearchAsync(search, chosen, cancellationToken);
            if (parse.GetValue(json))
            {
                var document = new { expansions = result.Expansion.Applied.Select(ToJson), rerankedBy = result.RerankedBy, hits = result.Hits.Select(ToJson) };
                Console.Out.WriteLine(JsonSerializer.Serialize(document, IndexerJson.Options));
            }
            else
            {
                PrintExpansions(result.Expansion);
                if (result.RerankedBy is { } reranker)
                {
                    Console.Out.WriteLine($"re-ranked by {reranker}");
                }

                PrintText(result.Hits);
            }

            return 0;
        });
        return command;
    }

    private static object ToJson(SearchHit hit) => new
    {
        normId = hit.NormId.ToString(),
        lang = hit.Language.ToCode(),
        citation = hit.Citation,
        heading = hit.Heading,
        score = Math.Round(hit.Score, 4),
        namedInQuery = hit.NamedInQuery,
        lexicalRank = hit.LexicalRank,
        denseRank = hit.DenseRank,
        articleHeading = hit.ArticleHeading,
        snippet = hit.Snippet,
    };

    private static object ToJson(AppliedExpansion expansion) => new
    {
        from = expansion.From,
        to = expansion.To,
        kind = expansion.Kind.ToCode(),
        source = expansion.Source,
    };

    private static void PrintExpansions(QueryExpansion expansion)
    {
        foreach (var applied in expansion.Applied)
        {
            Console.Out.WriteLine($"also searched: «{applied.From}» → «{applied.To}» ({applied.Kind.ToCode()}, {applied.Source})");
        }
    }

    private static void PrintText(IReadOnlyList<SearchHit> hits)
    {
        if (hits.Count == 0)
        {
            Console.Out.WriteLine("No norms found.");
            return;
        }

        for (var i = 0; i < hits.Count; i++)
        {
            var hit = hits[i];
            var how = hit.NamedInQuery ? "named in query" : string.Create(CultureInfo.InvariantCulture, $"score {hit.Score:0.####}");
            if (hit.LexicalRank is not null || hit.DenseRank is not null)
            {
                how += string.Create(CultureInfo.InvariantCulture, $" (lexical #{hit.LexicalRank?.ToString(CultureInfo.InvariantCulture) ?? "-"}, dense #{hit.DenseRank?.ToString(CultureInfo.InvariantCulture) ?? "-"})");
            }

            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{i + 1}. {hit.Citation}  [{hit.NormId}]  {how}"));
            if (!string.IsNullOrEmpty(hit.ArticleHeading))
            {
                Console.Out.WriteLine($"   in: {hit.ArticleHeading}");
            }

            if (!string.IsNullOrEmpty(hit.Heading))
            {
                Console.Out.WriteLine($"   {hit.Heading}");
            }

            Console.Out.WriteLine($"   {hit.Snippet}");
        }
    }
}
