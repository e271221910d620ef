using System.CommandLine;
using System.Globalization;
using Assistant.Core.Acts;
using Assistant.Core.Adilet;
using Assistant.Core.Evaluation;
using Assistant.Storage.Catalog;

namespace Assistant.Indexer.Commands;

/// <summary>
/// <c>references [--sample N]</c>: the references of current editions by outcome — resolved to a norm or an act, out of
/// the catalog, or not read (the act named without its title, or implied) — and a random sample with its context to
/// check by hand.
/// </summary>
internal static class ReferencesCommand
{
    private const int ContextCharacters = 160;

    public static Command Create(CommandContext context)
    {
        var sample = new Option<int>("--sample") { Description = "Also print this many references drawn at random (fixed seed) with the text around them, to check by hand" };
        var seed = new Option<int>("--seed") { Description = "The sample's seed", DefaultValueFactory = _ => 17 };
        var command = new Command("references", "Count the references of the catalog by outcome and draw a sample to check by hand") { sample, seed };
        command.SetAction(parse =>
        {
            using var catalog = context.OpenExistingCatalog(parse);
            var titles = new ActTitleIndex(catalog.ActTitles());
            var references = catalog.StoredReferences();
            var contexts = new Dictionary<(string, Language), string>();
            string Context(StoredReference reference)
            {
                var key = (reference.From.TopLevel.ToString(), reference.Language);
                if (!contexts.TryGetValue(key, out var text))
                {
                    contexts[key] = text = catalog.TopLevelText(reference.From, reference.Language);
                }

                return text;
            }

            var shortNames = new Dictionary<(string, Language), IReadOnlyList<(string Stem, string? ActId)>>();
            IReadOnlyList<(string Stem, string? ActId)> ShortNamesOf(StoredReference reference)
            {
                var key = (reference.From.ActId, reference.Language);
                if (!shortNames.TryGetValue(key, out var names))
                {
                    shortNames[key] = names = ShortNames.Find(catalog.ActText(reference.From.ActId, reference.Language), titles);
                }

                return names;
            }

            // Only a reference that names no act needs its context: it may stand in an amending list of an act out of the
            // catalog, or use a short name the act defines for one.
            var outcomes = references.Select(r => ReferenceAudit.Classify(r.Text, r.TargetActId, r.TargetNormId, titles) is var outcome && outcome == ReferenceOutcome.Bare
                ? ReferenceAudit.Classify(r.Text, r.TargetActId, r.TargetNormId, titles, Context(r), r.Language, ShortNamesOf(r))
                : outcome).ToList();
            foreach (var language in new[] { Language.Ru, Language.Kk })
            {
                var counts = references.Select((r, i) => (r, outcomes[i])).Where(p => p.r.Language == language)
                    .GroupBy(p => p.Item2).ToDictionary(g => g.Key, g => g.Count());
                var total = counts.Values.Sum();
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{language.ToCode()}: {total} references"));
                foreach (var outcome in Enum.GetValues<ReferenceOutcome>())
                {
                    var count = counts.GetValueOrDefault(outcome);
                    Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {outcome,-15} {count,7}  {(total == 0 ? 0 : 100.0 * count / total),5:F1}%"));
                }
            }

            var size = parse.GetValue(sample);
            if (size > 0)
            {
                var random = new Random(parse.GetValue(seed));
                foreach (var index in Enumerable.Range(0, references.Count).OrderBy(_ => random.Next()).Take(size))
                {
                    var reference = references[index];
                    var text = catalog.ReferenceContext(reference.Key);
                    var at = Math.Max(0, text.IndexOf(reference.Text, StringComparison.Ordinal));
                    var around = text[Math.Max(0, at - ContextCharacters)..Math.Min(text.Length, at + reference.Text.Length + 40)].ReplaceLineEndings(" ");
                    Console.Out.WriteLine($"{outcomes[index]}\t{reference.From}\t{reference.TargetNormId ?? reference.TargetActId ?? "-"}\t{reference.Text}\t{around}");
                }
            }

            return 0;
        });
        return command;
    }
}
