using System.Text.RegularExpressions;
using Assistant.Core.Acts;
using Assistant.Core.Editions;
using Assistant.Core.Norms;

namespace Assistant.Core.Drafts;

/// <summary>
/// How well drafts reproduce a later edition: each draft is applied to an older edition of its act and every
/// article it names is compared with the later edition's (footnotes dropped, whitespace and quotes normalised, an
/// exclusion mark read as one word); each miss gets a category.
/// </summary>
public static partial class ConsolidationEvaluation
{
    /// <param name="language">The language of the editions compared; the draft's own by default.</param>
    public static DraftScore Score(string name, ParsedDraft draft, IEditionSource editions, string fromEdition, string? toEdition = null, Language? language = null)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(editions);
        var misses = new List<Miss>();
        var reproduced = 0;
        var norms = 0;
        foreach (var result in new DraftConsolidator(editions).Apply(draft, fromEdition, language))
        {
            if (result.ActId.Length == 0)
            {
                misses.AddRange(result.Failed.Select(f => new Miss(name, null, $"instruction failed: {Category(f.Reason)}", $"line {f.Line}: {f.Reason}")));
                continue;
            }

            var target = editions.Read(result.ActId, result.Language, toEdition);
            var expected = target?.Norms.Where(n => n.Kind == NormKind.Article).GroupBy(n => n.Number).ToDictionary(g => g.Key, g => g.First()) ?? [];
            var produced = result.Norms.Where(n => n.Article is not null).ToDictionary(n => n.Article!);
            var named = draft.Instructions.Where(i => i.Operation.Target.ActId == result.ActId)
                .SelectMany(i => i.Operation.Unit?.Kind is UnitKind.Article ? [i.Operation.Unit.Number] : i.Operation.Target.Article is { } a ? new[] { a } : [])
                .Union(produced.Keys).Distinct(StringComparer.Ordinal).ToArray();
            var failedLines = result.Failed.ToLookup(f => ArticleOf(draft, f.Line));
            foreach (var article in named)
            {
                norms++;
                if (!expected.TryGetValue(article, out var norm))
                {
                    misses.Add(new Miss(name, article, "not in the later edition", $"статья {article}"));
                }
                else if (failedLines[article].FirstOrDefault() is { } failure)
                {
                    misses.Add(new Miss(name, article, $"instruction failed: {Category(failure.Reason)}", $"line {failure.Line}: {failure.Reason}"));
                }
                else if (!produced.TryGetValue(article, out var consolidated))
                {
                    misses.Add(new Miss(name, article, "not produced", $"статья {article}"));
                }
                else if (Normalize(consolidated.After) != Normalize(DraftConsolidator.Render(norm, result.Language)))
                {
                    misses.Add(new Miss(name, article, "text differs", FirstDifference(consolidated.After, DraftConsolidator.Render(norm, result.Language))));
                }
                else
                {
                    reproduced++;
                }
            }

            misses.AddRange(failedLines.Where(g => g.Key is null).SelectMany(g => g).Select(f => new Miss(name, null, $"instruction failed: {Category(f.Reason)}", $"line {f.Line}: {f.Reason}")));
        }

        return new DraftScore(name, norms, reproduced, misses, draft.Instructions.GroupBy(i => i.Operation.Kind).ToDictionary(g => g.Key, g => g.Count()));
    }

    /// <summary>Whitespace (non-breaking included) collapsed, quote styles unified, an exclusion mark read as one word, blank lines dropped.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n')
            .Select(line => Spaces().Replace(Quotes().Replace(line, "\""), " ").Trim())
            .Select(line => ExclusionMark().Replace(line, "${n}<excluded>"))
            .Where(line => line.Length > 0);
        return string.Join('\n', lines);
    }

    /// <summary>«4) исключен Законом РК от …», «Утратила силу», «алып тасталды – ҚР …»: all that is left of a norm taken out.</summary>
    public static bool IsExclusionMark(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return ExclusionMark().IsMatch(Spaces().Replace(line, " ").Trim());
    }

    private static string? ArticleOf(ParsedDraft draft, int line) =>
        draft.Instructions.FirstOrDefault(i => i.Line == line)?.Operation is { } operation
            ? operation.Unit?.Kind == UnitKind.Article ? operation.Unit.Number : operation.Target.Article
            : null;

    private static string Category(string reason)
    {
        var colon = reason.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 ? reason[..colon] : reason;
    }

    private static string FirstDifference(string actual, string expected)
    {
        var a = Normalize(actual).Split('\n');
        var e = Normalize(expected).Split('\n');
        for (var i = 0; i < Math.Max(a.Length, e.Length); i++)
        {
            var left = i < a.Length ? a[i] : "(none)";
            var right = i < e.Length ? e[i] : "(none)";
            if (left != right)
            {
                return $"line {i + 1}: draft «{Clip(left)}» vs edition «{Clip(right)}»";
            }
        }

        return "same lines";
    }

    private static string Clip(string text) => text.Length <= 160 ? text : text[..160] + "…";

    [GeneratedRegex(@"[\s\u00a0]+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();

    [GeneratedRegex("[«»„“”\"']", RegexOptions.CultureInvariant)]
    private static partial Regex Quotes();

    [GeneratedRegex(@"^(?<n>\d+(?:-\d+)*[.)]\s*)?(?:\(?[Ии]сключен\w*|[Уу]тратил\w*\s+силу|алып\s+тасталды|күші\s+жойылды)(?:\s.*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ExclusionMark();
}

/// <summary>One draft's figures: norms it names, those reproduced, and each miss.</summary>
public sealed record DraftScore(string Name, int Norms, int Reproduced, IReadOnlyList<Miss> Misses, IReadOnlyDictionary<OperationKind, int> Operations);

/// <summary>A norm a draft did not reproduce, and why.</summary>
public sealed record Miss(string Draft, string? Article, string Category, string Detail);
