using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Assistant.Core.Acts;
using Assistant.Core.Changes;
using Assistant.Core.Editions;
using Assistant.Core.Norms;
using Assistant.Storage.Catalog;

namespace Assistant.Indexer.Commands;

/// <summary>
/// <c>changes &lt;act&gt; [--from] [--to] [--json]</c>: what changed in an act between two editions, norm by norm with a
/// redline; <c>changes --since &lt;date&gt;</c>: the acts and norms whose footnotes name laws of that period.
/// </summary>
internal static class ChangesCommand
{
    public static Command Create(CommandContext context)
    {
        var act = new Argument<string?>("act-id") { Description = "The act (an Adilet code, or a source record id such as ru2024-261)", Arity = ArgumentArity.ZeroOrOne };
        var from = new Option<string?>("--from") { Description = "The older edition: a label, a source record id or a date; default the oldest" };
        var to = new Option<string?>("--to") { Description = "The newer edition, named the same way; default the current one" };
        var since = new Option<string?>("--since") { Description = "List norms of all acts whose footnotes name laws adopted on or after this date (YYYY-MM-DD)" };
        var lang = CliOptions.Lang();
        var json = CliOptions.Json();
        var command = new Command("changes", "Report what changed in an act between editions, or across the catalog since a date") { act, from, to, since, lang, json };
        command.SetAction(parse =>
        {
            using var catalog = context.OpenExistingCatalog(parse);
            var language = parse.GetValue(lang) ?? Language.Ru;
            if (parse.GetValue(since) is { } sinceText)
            {
                var amended = ActChanges.Since(catalog, EditionDates.ParseAsOf(sinceText), language);
                if (parse.GetValue(json))
                {
                    Console.Out.WriteLine(JsonSerializer.Serialize(PeriodJson(sinceText, amended), IndexerJson.Options));
                }
                else
                {
                    PrintPeriod(sinceText, amended);
                }

                return 0;
            }

            var actId = parse.GetValue(act) ?? throw new CommandException("Name an act (e.g. changes K1500000414) or a period (changes --since 2025-01-01).");
            ChangeReport report;
            try
            {
                report = ActChanges.Between(catalog, actId, language, parse.GetValue(from), parse.GetValue(to));
            }
            catch (KeyNotFoundException e)
            {
                throw new CommandException(e.Message);
            }

            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(ReportJson(report), IndexerJson.Options));
            }
            else
            {
                Print(report);
            }

            return 0;
        });
        return command;
    }

    /// <summary>The shape the API returns too: <c>{"act","from","to","norms":[{"id","article","change","redline"}]}</c>.</summary>
    public static object ReportJson(ChangeReport report) => new
    {
        act = report.Act,
        from = report.From,
        to = report.To,
        norms = report.Norms.Select(n => new
        {
            id = n.Id,
            article = n.Article,
            change = n.Change.ToCode(),
            redline = n.Redline.Select(s => new { kind = s.Kind.ToCode(), text = s.Text }),
        }),
    };

    private static object PeriodJson(string since, IReadOnlyList<AmendedNorm> amended) => new
    {
        since,
        acts = amended.GroupBy(n => (n.ActId, n.ActTitle)).Select(g => new
        {
            act = g.Key.ActId,
            title = g.Key.ActTitle,
            norms = g.Select(n => new { id = n.Norm.ToString(), article = n.Article, laws = n.Amendments.Select(AmendmentJson) }),
        }),
    };

    public static object AmendmentJson(Amendment a) => new
    {
        law = a.Law,
        adoptedOn = a.AdoptedOn,
        number = a.Number,
        actions = a.Actions.Select(action => action.ToString().ToLowerInvariant()),
        inForceOn = a.InForceOn,
        inForce = a.InForce,
    };

    private static void Print(ChangeReport report)
    {
        var output = Console.Out;
        output.WriteLine($"{report.Act}: edition {Label(report.From)} → {Label(report.To)}, {report.Norms.Count} norms differ");
        foreach (var group in report.Norms.GroupBy(n => n.Change).OrderBy(g => g.Key))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {group.Key.ToCode()}: {group.Count()}"));
        }

        foreach (var norm in report.Norms)
        {
            output.WriteLine();
            output.WriteLine($"{norm.Change.ToCode().ToUpperInvariant()} {norm.Id}{(norm.PreviousNumber is { } previous ? $" (was {previous})" : string.Empty)}");
            output.WriteLine(Redline.Marked(norm.Redline));
        }
    }

    private static void PrintPeriod(string since, IReadOnlyList<AmendedNorm> amended)
    {
        var output = Console.Out;
        var acts = amended.GroupBy(n => (n.ActId, n.ActTitle)).ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Since {since}: {amended.Count} norms of {acts.Count} acts amended"));
        foreach (var act in acts)
        {
            output.WriteLine();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{act.Key.ActId}  {act.Key.ActTitle}: {act.Count()} norms"));
            foreach (var norm in act)
            {
                var laws = norm.Amendments.Select(a => $"{a.AdoptedOn:yyyy-MM-dd} № {a.Number} ({string.Join(", ", a.Actions.Select(x => x.ToString().ToLowerInvariant()))})").Distinct();
                output.WriteLine($"  {norm.Norm}: {string.Join("; ", laws)}");
            }
        }
    }

    private static string Label(string edition) => edition.Length == 0 ? "undated" : edition;
}
