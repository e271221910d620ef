using System.Globalization;
using System.Text;
using Assistant.Core.Acts;
using Assistant.Core.Changes;
using Assistant.Core.Editions;
using Assistant.Core.Norms;

namespace Assistant.Core.Drafts;

/// <summary>
/// Writes, in the official Russian formulas, the draft amending law that turns one edition of an act into another:
/// for every changed article the narrowest instructions that say the change — words replaced, removed or written
/// after others, a paragraph, point or article added, a norm excluded — and a new redaction where the change is
/// too large to say in words. It knows the formulas' meaning (<see cref="WordEdits"/>), not how drafts are applied.
/// </summary>
public static class AmendingDraftWriter
{
    private const int MaxWordChanges = 3;
    private const int MaxAnchorWords = 4;

    /// <summary>The draft, or null when the editions differ in no article.</summary>
    /// <param name="actName">The act as the opening formula names it: «Трудовой кодекс Республики Казахстан от 23 ноября 2015 года».</param>
    /// <param name="articles">Only these articles (all when null).</param>
    public static GeneratedDraft? Write(EditionText from, EditionText to, string actName, IReadOnlySet<string>? articles = null)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var old = Articles(from);
        var items = new List<List<string>>();
        var counts = new Dictionary<OperationKind, int>();
        var covered = new List<string>();
        var repeal = false;
        foreach (var norm in to.Norms.Where(n => n.Kind == NormKind.Article && (articles is null || articles.Contains(n.Number))))
        {
            var after = TextUnit.From(norm);
            if (!old.TryGetValue(norm.Number, out var before))
            {
                items.Add([$"дополнить статьей {norm.Number} следующего содержания:", .. Quote(Lines(after))]);
                Count(counts, OperationKind.Insert);
                covered.Add(norm.Number);
                continue;
            }

            if (Same(Lines(before), Lines(after)) && before.Heading == after.Heading)
            {
                continue;
            }

            covered.Add(norm.Number);
            var path = new UnitPath(norm.Number, null, null);
            if (IsExcluded(after))
            {
                // Adilet prints both the same way; the formulas alternate so that both are read.
                items.Add([$"статью {norm.Number} {(repeal ? "признать утратившей силу" : "исключить")};"]);
                Count(counts, repeal ? OperationKind.Repeal : OperationKind.Exclude);
                repeal = !repeal;
                continue;
            }

            var lines = new List<string>();
            var kinds = new List<OperationKind>();
            if (before.Heading != after.Heading)
            {
                lines.Add($"заголовок изложить в следующей редакции:");
                lines.AddRange(Quote([$"Статья {norm.Number}. {after.Heading}"]));
                kinds.Add(OperationKind.Replace);
            }

            var body = Same(Lines(before), Lines(after)) ? [] : Diff(before, after, path, kinds, ref repeal);
            if (body is null)
            {
                items.Add([$"статью {norm.Number} изложить в следующей редакции:", .. Quote(Lines(after))]);
                Count(counts, OperationKind.Replace);
                continue;
            }

            lines.AddRange(body);
            kinds.ForEach(kind => Count(counts, kind));
            items.Add([$"в статье {norm.Number}:", .. lines]);
        }

        if (items.Count == 0)
        {
            return null;
        }

        var text = new StringBuilder();
        text.Append("О внесении изменений и дополнений в ").Append(actName).Append("\n\n");
        text.Append("Статья 1. Внести в ").Append(actName).Append(" следующие изменения и дополнения:\n");
        for (var i = 0; i < items.Count; i++)
        {
            text.Append((i + 1).ToString(CultureInfo.InvariantCulture)).Append(") ").Append(items[i][0]).Append('\n');
            foreach (var line in items[i].Skip(1))
            {
                text.Append(line).Append('\n');
            }
        }

        text.Append("\nСтатья 2. Настоящий Закон вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования.\n");
        return new GeneratedDraft(text.ToString(), covered, counts);
    }

    /// <summary>The act's name for the opening formula: a known code's title and adoption date.</summary>
    public static string NameOf(KnownAct act)
    {
        ArgumentNullException.ThrowIfNull(act);
        var months = Adilet.AdiletPatterns.RussianMonthNames.Split('|');
        return $"{act.RussianTitle} от {act.AdoptedOn.Day} {months[act.AdoptedOn.Month - 1]} {act.AdoptedOn.Year} года";
    }

    private static Dictionary<string, TextUnit> Articles(EditionText edition)
    {
        var articles = new Dictionary<string, TextUnit>(StringComparer.Ordinal);
        foreach (var norm in edition.Norms.Where(n => n.Kind == NormKind.Article))
        {
            articles.TryAdd(norm.Number, TextUnit.From(norm));
        }

        return articles;
    }

    /// <summary>Instructions inside «в статье N:» that turn <paramref name="before"/> into <paramref name="after"/>; null when only a new redaction says it.</summary>
    private static List<string>? Diff(TextUnit before, TextUnit after, UnitPath path, List<OperationKind> kinds, ref bool repeal)
    {
        var lines = new List<string>();
        if (before.Kind != NormKind.Article && IsExcluded(after))
        {
            lines.Add($"{path.Accusative()} {(repeal ? "признать утратившим силу" : "исключить")};");
            kinds.Add(repeal ? OperationKind.Repeal : OperationKind.Exclude);
            repeal = !repeal;
            return lines;
        }

        if (!Compatible(before, after))
        {
            return null;
        }

        var ownBefore = before.Items.OfType<string>().ToArray();
        var ownAfter = after.Items.OfType<string>().ToArray();
        var single = ownBefore.Length == 1 && !before.Children.Any();
        var scope = before.Lines().ToList();
        for (var i = 0; i < ownBefore.Length; i++)
        {
            if (Normal(ownBefore[i]) == Normal(ownAfter[i]))
            {
                continue;
            }

            var linePath = single ? path : path with { Paragraph = i + 1 };
            var lineScope = single ? scope : [ownBefore[i]];
            var words = WordChanges(ownBefore[i], ownAfter[i], lineScope, linePath);
            if (words is not null)
            {
                lines.AddRange(words.Select(w => w.Line));
                kinds.AddRange(words.Select(w => w.Kind));
            }
            else if (single)
            {
                return null;
            }
            else
            {
                lines.Add($"{linePath.Accusative()} изложить в следующей редакции:");
                lines.AddRange(Quote([ownAfter[i]]));
                kinds.Add(OperationKind.Replace);
            }
        }

        var oldChildren = before.Children.ToDictionary(c => (c.Kind, c.Number));
        foreach (var child in after.Children)
        {
            var childPath = child.Kind == NormKind.Point ? path with { Point = child.Number } : path with { Subpoint = child.Number };
            if (!oldChildren.TryGetValue((child.Kind, child.Number), out var old))
            {
                var unit = child.Kind == NormKind.Point ? $"пунктом {child.Number}" : $"подпунктом {child.Number})";
                lines.Add($"{path.Accusative()} дополнить {unit} следующего содержания:".TrimStart());
                lines.AddRange(Quote(Lines(child)));
                kinds.Add(OperationKind.Insert);
                continue;
            }

            if (Same(Lines(old), Lines(child)))
            {
                continue;
            }

            var inner = Diff(old, child, childPath, kinds, ref repeal);
            if (inner is null)
            {
                lines.Add($"{childPath.Accusative()} изложить в следующей редакции:");
                lines.AddRange(Quote(Lines(child)));
                kinds.Add(OperationKind.Replace);
            }
            else
            {
                lines.AddRange(inner);
            }
        }

        return lines;
    }

    /// <summary>The same own paragraphs in number, every old part still there, parts in the same order as before.</summary>
    private static bool Compatible(TextUnit before, TextUnit after)
    {
        var oldShape = before.Items.Select(Key).ToArray();
        var newKeys = after.Items.Select(Key).ToArray();
        var oldParts = oldShape.Where(k => k.Length > 0).ToHashSet(StringComparer.Ordinal);
        var newShape = newKeys.Where(k => k.Length == 0 || oldParts.Contains(k)).ToArray();
        return oldShape.SequenceEqual(newShape, StringComparer.Ordinal)
            && oldParts.Count == before.Children.Count()
            && newKeys.Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).Count() == after.Children.Count()
            && InNumberOrder(after, oldParts);
    }

    /// <summary>An added part goes where its number puts it; one placed elsewhere cannot be said with «дополнить».</summary>
    private static bool InNumberOrder(TextUnit after, HashSet<string> oldParts)
    {
        var children = after.Children.ToArray();
        for (var i = 0; i < children.Length; i++)
        {
            if (oldParts.Contains(Key(children[i])))
            {
                continue;
            }

            var kin = children.Where(c => c.Kind == children[i].Kind).ToArray();
            var at = Array.IndexOf(kin, children[i]);
            var earlier = kin.Take(at).Where(c => oldParts.Contains(Key(c))).ToArray();
            var expected = kin.Where(c => oldParts.Contains(Key(c)) && TextUnit.CompareNumbers(c.Number, children[i].Number) < 0).ToArray();
            if (earlier.Length != expected.Length || (earlier.Length == 0 && kin.Any(c => oldParts.Contains(Key(c))) && kin.Take(at).Any()))
            {
                return false;
            }
        }

        return true;
    }

    private static string Key(object item) => item is TextUnit unit ? $"{unit.Kind}:{unit.Number}" : string.Empty;

    /// <summary>Word formulas that turn one paragraph into the other, checked by doing what they say; null when none do.</summary>
    private static List<(string Line, OperationKind Kind)>? WordChanges(string before, string after, List<string> scope, UnitPath path)
    {
        var blocks = Blocks(before, after);
        if (blocks.Count is 0 or > MaxWordChanges)
        {
            return null;
        }

        var lines = new List<(string, OperationKind)>();
        var current = scope.ToList();
        var paragraph = before;
        foreach (var block in blocks)
        {
            var change = Formula(block, paragraph, current, path);
            if (change is null)
            {
                return null;
            }

            var (line, kind, edit) = change.Value;
            current = current.Select(edit).ToList();
            paragraph = edit(paragraph);
            lines.Add((line, kind));
        }

        return Normal(paragraph) == Normal(after) ? lines : null;
    }

    private sealed record Block(string Kept, string Deleted, string Inserted, bool AtEnd);

    private static List<Block> Blocks(string before, string after)
    {
        var blocks = new List<Block>();
        var kept = new StringBuilder();
        string deleted = string.Empty, inserted = string.Empty;
        var segments = Redline.Between(before, after);
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            if (segment.Kind == RedlineKind.Kept)
            {
                if (deleted.Length + inserted.Length > 0)
                {
                    blocks.Add(new Block(kept.ToString(), deleted, inserted, false));
                    deleted = inserted = string.Empty;
                }

                kept.Append(segment.Text);
            }
            else if (segment.Kind == RedlineKind.Deleted)
            {
                deleted += segment.Text;
            }
            else
            {
                inserted += segment.Text;
            }
        }

        if (deleted.Length + inserted.Length > 0)
        {
            blocks.Add(new Block(kept.ToString(), deleted, inserted, true));
        }

        return blocks;
    }

    private static (string Line, OperationKind Kind, Func<string, string> Edit)? Formula(Block block, string paragraph, List<string> scope, UnitPath path)
    {
        var x = block.Deleted.Trim();
        var y = block.Inserted.Trim();
        if (block.AtEnd && x.Length > 0 && y.Length > x.Length && x[^1] is '.' or ';' or ':' && y[^1] == x[^1] && y.StartsWith(x[..^1], StringComparison.Ordinal))
        {
            var added = y[(x.Length - 1)..^1].Trim();
            if (added.Length > 0 && WordEdits.Append(paragraph, added) is var appended && Normal(appended) == Normal(paragraph[..^block.Deleted.Length] + block.Inserted))
            {
                return ($"{path.Accusative()} дополнить словами «{added}»;".TrimStart(), OperationKind.AppendWords, line => line == paragraph ? appended : line);
            }
        }

        var keptWords = block.Kept.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (x.Length == 0)
        {
            if (y.Length == 0)
            {
                return null;
            }

            if (block.AtEnd)
            {
                return ($"{path.Accusative()} дополнить словами «{y}»;".TrimStart(), OperationKind.AppendWords, line => line == paragraph ? WordEdits.Append(line, y) : line);
            }

            for (var take = 1; take <= Math.Min(MaxAnchorWords, keptWords.Length); take++)
            {
                var anchor = string.Join(' ', keptWords[^take..]);
                if (Occurrences(scope, anchor) == 1)
                {
                    return ($"{path.Prepositional()} после слов «{anchor}» дополнить словами «{y}»;".TrimStart(), OperationKind.InsertWordsAfter, line => WordEdits.InsertAfter(line, anchor, y).Text);
                }
            }

            return null;
        }

        for (var take = 0; take <= Math.Min(MaxAnchorWords, keptWords.Length); take++)
        {
            var prefix = take == 0 ? string.Empty : string.Join(' ', keptWords[^take..]) + " ";
            var words = prefix + x;
            if (Occurrences(scope, words) != 1)
            {
                continue;
            }

            if (y.Length == 0)
            {
                if (take > 0)
                {
                    return null;
                }

                return ($"{path.Prepositional()} слова «{words}» исключить;".TrimStart(), OperationKind.ExcludeWords, line => WordEdits.Remove(line, words).Text);
            }

            var replacement = prefix + y;
            return ($"{path.Prepositional()} слова «{words}» заменить словами «{replacement}»;".TrimStart(), OperationKind.ReplaceWords, line => WordEdits.Replace(line, words, replacement).Text);
        }

        return null;
    }

    private static int Occurrences(List<string> scope, string words) => scope.Sum(line => WordEdits.Count(line, words));

    private static bool IsExcluded(TextUnit unit)
    {
        var lines = unit.Lines().ToArray();
        return lines.Length == 1 && ConsolidationEvaluation.IsExclusionMark(lines[0]);
    }

    private static bool Same(IEnumerable<string> a, IEnumerable<string> b) =>
        ConsolidationEvaluation.Normalize(string.Join('\n', a)) == ConsolidationEvaluation.Normalize(string.Join('\n', b));

    private static string Normal(string line) => ConsolidationEvaluation.Normalize(line);

    private static List<string> Lines(TextUnit unit) => unit.Kind == NormKind.Article && unit.Heading is not null
        ? [$"Статья {unit.Number}. {unit.Heading}", .. unit.Lines()]
        : unit.Kind == NormKind.Article ? [$"Статья {unit.Number}.", .. unit.Lines()] : [.. unit.Lines()];

    private static void Count(Dictionary<OperationKind, int> counts, OperationKind kind) =>
        counts[kind] = counts.GetValueOrDefault(kind) + 1;

    private static IEnumerable<string> Quote(List<string> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            yield return (i == 0 ? "«" : string.Empty) + lines[i] + (i == lines.Count - 1 ? "»;" : string.Empty);
        }
    }

    /// <summary>A norm inside the article an item opens, named as the formulas name it.</summary>
    private sealed record UnitPath(string Article, string? Point, string? Subpoint, int Paragraph = 0)
    {
        /// <summary>«абзац второй подпункта 2) пункта 3» (the article is the item's).</summary>
        public string Accusative() => Paragraph > 0
            ? Join($"абзац {Ordinals.Russian(Paragraph, OrdinalForm.Masculine)}", Genitive(Point, Subpoint))
            : Subpoint is not null ? Join($"подпункт {Subpoint})", Genitive(Point, null))
            : Point is not null ? $"пункт {Point}"
            : string.Empty;

        /// <summary>«в абзаце втором подпункта 2) пункта 3».</summary>
        public string Prepositional() => Paragraph > 0
            ? Join($"в абзаце {Ordinals.Russian(Paragraph, OrdinalForm.MasculinePrepositional)}", Genitive(Point, Subpoint))
            : Subpoint is not null ? Join($"в подпункте {Subpoint})", Genitive(Point, null))
            : Point is not null ? $"в пункте {Point}"
            : string.Empty;

        private static string Genitive(string? point, string? subpoint) =>
            string.Join(' ', new[] { subpoint is null ? null : $"подпункта {subpoint})", point is null ? null : $"пункта {point}" }.OfType<string>());

        private static string Join(string head, string rest) => rest.Length == 0 ? head : $"{head} {rest}";
    }
}

/// <summary>A written draft, the articles it changes and how many operations of each kind it holds.</summary>
public sealed record GeneratedDraft(string Text, IReadOnlyList<string> Articles, IReadOnlyDictionary<OperationKind, int> Operations);
