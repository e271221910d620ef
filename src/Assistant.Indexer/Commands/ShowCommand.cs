using System.CommandLine;
using System.Text.Json;
using Assistant.Core.Acts;
using Assistant.Core.Adilet;
using Assistant.Core.Norms;
using Assistant.Storage.Catalog;

namespace Assistant.Indexer.Commands;

internal static class ShowCommand
{
    public static Command Create(CommandContext context)
    {
        var id = new Argument<string>("norm-id") { Description = "Canonical norm id, e.g. K1500000414/art:88/p:1" };
        var lang = CliOptions.Lang();
        var edition = new Option<string?>("--edition") { Description = "An older edition: its label, its source record id (ru2024-261) or a date it was in force on; default: the current one" };
        var json = CliOptions.Json();
        var command = new Command("show", "Print a norm: text, footnotes, references out and in") { id, lang, edition, json };
        command.SetAction(parse =>
        {
            var text = parse.GetRequiredValue(id);
            if (!NormId.TryParse(text, out var normId))
            {
                throw new CommandException($"'{text}' is not a norm id: expected e.g. K1500000414/art:88/p:1 or U2500000881/p:3.");
            }

            using var catalog = context.OpenExistingCatalog(parse);
            var norm = catalog.GetNorm(normId, parse.GetValue(lang), parse.GetValue(edition))
                ?? throw new CommandException($"No norm {normId} in the catalog{(parse.GetValue(edition) is { } e ? $" (edition {e})" : "")}.");
            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(ToJson(norm), IndexerJson.Options));
            }
            else
            {
                Print(norm);
            }

            return 0;
        });
        return command;
    }

    private static object ToJson(NormDetails norm) => new
    {
        normId = norm.Id.ToString(),
        lang = norm.Language.ToCode(),
        citation = norm.Citation,
        act = norm.ActTitle,
        heading = norm.Heading,
        path = norm.Path,
        status = norm.Status.ToString(),
        edition = norm.Edition,
        current = norm.IsCurrentEdition,
        text = norm.Text,
        footnotes = norm.Footnotes.Select(f => new { text = f.Text, amendingAct = f.AmendingAct, amendedOn = f.AmendedOn }),
        history = History(norm).Select(ChangesCommand.AmendmentJson),
        editorialNotes = norm.EditorialNotes.Select(n => n.Text),
        referencesOut = norm.ReferencesOut.Select(r => new { text = r.Text, targetAct = r.TargetActId, target = r.TargetNormId?.ToString(), targetCitation = r.TargetCitation }),
        referencesIn = norm.ReferencesIn.Select(r => new { from = r.From.ToString(), citation = r.Citation, text = r.Text }),
        parts = norm.Parts.Select(p => p.Id.ToString()),
        languages = norm.Languages.Select(l => l.ToCode()),
        adilet = norm.AdiletUrl,
    };

    private static void Print(NormDetails norm)
    {
        var output = Console.Out;
        output.WriteLine($"{norm.Citation}  [{norm.Id}]");
        output.WriteLine($"{norm.ActTitle} — edition {norm.Edition ?? "undated"}{(norm.IsCurrentEdition ? " (current)" : " (older edition)")}");
        if (norm.Status == NormStatus.Excluded)
        {
            output.WriteLine("EXCLUDED");
        }

        if (!string.IsNullOrEmpty(norm.Path))
        {
            output.WriteLine(norm.Path);
        }

        if (!string.IsNullOrEmpty(norm.Heading))
        {
            output.WriteLine(norm.Heading);
        }

        output.WriteLine();
        output.WriteLine(norm.Text);
        Section("Footnotes", norm.Footnotes.Select(f => f.Text));
        Section("History", History(norm).Select(a => $"{a.AdoptedOn:yyyy-MM-dd} № {a.Number}: {(a.Actions.Count == 0 ? "amended" : string.Join(", ", a.Actions.Select(x => x.ToString().ToLowerInvariant())))}"
            + (a.InForceOn is { } on ? $", in force from {on:yyyy-MM-dd}" : a.InForce is { } when ? $" ({when})" : string.Empty)));
        Section("Editorial notes", norm.EditorialNotes.Select(n => n.Text));
        Section("Parts", norm.Parts.Select(p => $"{p.Id}  {p.ShortText}"));
        Section("References out", norm.ReferencesOut.Select(r => $"{r.Text} → {r.TargetCitation ?? r.TargetNormId?.ToString() ?? r.TargetActId ?? "unresolved"}"));
        Section("References in", norm.ReferencesIn.Select(r => $"{r.Citation} [{r.From}]: {r.Text}"));
        output.WriteLine();
        output.WriteLine($"Languages: {string.Join(", ", norm.Languages.Select(l => l.ToCode()))}   Adilet: {norm.AdiletUrl}");
    }

    /// <summary>The norm's amendment history, read from its footnotes: every amending law, in the order they name them.</summary>
    private static IEnumerable<Amendment> History(NormDetails norm) => norm.Footnotes.SelectMany(f => FootnoteReader.Amendments(f.Text));

    private static void Section(string title, IEnumerable<string> lines)
    {
        var list = lines.ToList();
        if (list.Count == 0)
        {
            return;
        }

        Console.Out.WriteLine();
        Console.Out.WriteLine($"{title}:");
        foreach (var line in list)
        {
            Console.Out.WriteLine($"  - {line}");
        }
    }
}
