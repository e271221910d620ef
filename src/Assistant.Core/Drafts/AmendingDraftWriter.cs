using System.Globalization;
using System.Text;
using Assistant.Core.Acts;
using Assistant.Core.Changes;
using Assistant.Core.Editions;
using Assistant.Core.Norms;

namespace Assistant.Core.Drafts;

/// <summary>
/// Writes, in the official Russian or Kazakh formulas, the draft amending law that turns one edition of an act into another:
/// for every changed article the narrowest instructions that say the change — words replaced, removed or written
/// after others, a paragraph, point or article added, a norm excluded — and a new redaction where the change is
/// too large to say in words. It knows the formulas' meaning (<see cref="WordEdits"/>), not how drafts are applied.
/// </summary>
public static class AmendingDraftWriter
{
    private const int MaxWordChanges = 3;
    private const int MaxAnchorWords = 4;

    /// <summary>The draft, or null when the editions differ in no article.</summary>
    /// <param name="act">The code amended, named in the opening formula by its title and adoption date.</param>
    /// <param name="language">The language of the formulas; the quoted text is the editions' own.</param>
    /// <param name="articles">Only these articles (all when null).</param>
    public static GeneratedDraft? Write(EditionText from, EditionText to, KnownAct act, Language language, IReadOnlySet<string>? articles = null)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(act);
        var wording = DraftWording.For(language);
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
                items.Add([wording.InsertArticle(norm.Number), .. Quote(Lines(after, to.Language))]);
                Count(counts, OperationKind.Insert);
                covered.Add(norm.Number);
                continue;
            }

            var sameText = Same(Lines(before, to.Language), Lines(after, to.Language));
            if (sameText && before.Heading == after.Heading)
            {
                continue;
            }

            covered.Add(norm.Number);
            var path = new UnitPath(norm.Number, null, null);
            if (IsExcluded(after))
            {
                // Adilet prints both the same way; the formulas alternate so that both are read.
                items.Add([wording.RemoveArticle(norm.Number, repeal)]);
                Count(counts, repeal ? OperationKind.Repeal : OperationKind.Exclude);
                repeal = !repeal;
                continue;
            }

            var lines = new List<string>();
            var kinds = new List<OperationKind>();
            if (before.Heading != after.Heading)
            {
                // A heading changed in a few words is said in words («в заголовке слова … заменить словами …»).
                var words = before.Heading is { } oldHeading && after.Heading is { } newHeading
                    ? WordChanges(oldHeading, newHeading, [oldHeading], path with { Heading = true }, wording)
                    : null;
                if (words is not null)
                {
                    lines.AddRange(words.Select(w => w.Line));
                    kinds.AddRange(words.Select(w => w.Kind));
                }
                else
                {
                    lines.Add(wording.ReplaceHeading);
                    lines.AddRange(Quote([ArticleHeading(norm.Number, after.Heading, to.Language)]));
                    kinds.Add(OperationKind.Replace);
                }
            }

            var body = sameText ? [] : Diff(before, after, path, wording, kinds, ref repeal);
            if (body is null)
            {
                items.Add([wording.ReplaceArticle(norm.Number), .. Quote(Lines(after, to.Language))]);
                Count(counts, OperationKind.Replace);
                continue;
            }

            lines.AddRange(body);
            kinds.ForEach(kind => Count(counts, kind));
            items.Add([wording.InArticle(norm.Number), .. lines]);
        }

        if (items.Count == 0)
        {
            return null;
        }

        var actName = wording.ActName(act);
        var text = new StringBuilder();
        text.Append(wording.Title(actName)).Append("\n\n");
        text.Append(wording.Opener(actName)).Append('\n');
        for (var i = 0; i < items.Count; i++)
        {
            text.Append((i + 1).ToString(CultureInfo.InvariantCulture)).Append(") ").Append(items[i][0]).Append('\n');
            foreach (var line in items[i].Skip(1))
            {
                text.Append(line).Append('\n');
            }
        }

        text.Append('\n').Append(wording.EntryIntoForce).Append('\n');
        return new GeneratedDraft(text.ToString(), covered, counts);
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
    private static List<string>? Diff(TextUnit before, TextUnit after, UnitPath path, DraftWording wording, List<OperationKind> kinds, ref bool repeal)
    {
        var lines = new List<string>();
        if (before.Kind != NormKind.Article && IsExcluded(after))
        {
            lines.Add(wording.Remove(path, repeal));
            kinds.Add(repeal ? OperationKind.Repeal : OperationKind.Exclude);
            repeal = !repeal;
            return lines;
        }

        if (!Compatible(before, after) || before.OwnParagraphCount > wording.MaxParagraph)
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
            var words = WordChanges(ownBefore[i], ownAfter[i], lineScope, linePath, wording);
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
                lines.Add(wording.Replace(linePath));
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
                lines.Add(wording.Insert(path, child.Kind, child.Number));
                lines.AddRange(Quote([.. child.Lines()]));
                kinds.Add(OperationKind.Insert);
                continue;
            }

            if (Same(old.Lines(), child.Lines()))
            {
                continue;
            }

            var inner = Diff(old, child, childPath, wording, kinds, ref repeal);
            if (inner is null)
            {
                lines.Add(wording.Replace(childPath));
                lines.AddRange(Quote([.. child.Lines()]));
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
            && InsertedWhereApplied(before, after, oldParts);
    }

    /// <summary>
    /// Each added part stands where «дополнить» puts it: after the last part of its kind numbered before it, else
    /// before the first of its kind, else at the end. One placed elsewhere (say, between two paragraphs of a point
    /// that had no subpoints) cannot be said with «дополнить».
    /// </summary>
    private static bool InsertedWhereApplied(TextUnit before, TextUnit after, HashSet<string> oldParts)
    {
        var shape = before.Items.Select(item => item as TextUnit).ToList();
        foreach (var child in after.Children.Where(c => !oldParts.Contains(Key(c))))
        {
            var siblings = shape.Select((unit, index) => (Unit: unit, Index: index)).Where(s => s.Unit?.Kind == child.Kind).ToArray();
            var previous = siblings.LastOrDefault(s => TextUnit.CompareNumbers(s.Unit!.Number, child.Number) < 0);
            shape.Insert(previous.Unit is not null ? previous.Index + 1 : siblings.Length > 0 ? siblings[0].Index : shape.Count, child);
        }

        return shape.Select(unit => unit is null ? string.Empty : Key(unit)).SequenceEqual(after.Items.Select(Key), StringComparer.Ordinal);
    }

    private static string Key(object item) => item is TextUnit unit ? $"{unit.Kind}:{unit.Number}" : string.Empty;

    /// <summary>Word formulas that turn one paragraph into the other, checked by doing what they say; null when none do.</summary>
    private static List<(string Line, OperationKind Kind)>? WordChanges(string before, string after, List<string> scope, UnitPath path, DraftWording wording)
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
            var change = Formula(block, paragraph, current, path, wording);
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

    private static (string Line, OperationKind Kind, Func<string, string> Edit)? Formula(Block block, string paragraph, List<string> scope, UnitPath path, DraftWording wording)
    {
        var x = block.Deleted.Trim();
        var y = block.Inserted.Trim();
        if (block.AtEnd && x.Length > 0 && y.Length > x.Length && x[^1] is '.' or ';' or ':' && y[^1] == x[^1] && y.StartsWith(x[..^1], StringComparison.Ordinal))
        {
            var added = y[(x.Length - 1)..^1].Trim();
            if (added.Length > 0 && WordEdits.Append(paragraph, added) is var appended && Normal(appended) == Normal(paragraph[..^block.Deleted.Length] + block.Inserted))
            {
                return (wording.AppendWords(path, added), OperationKind.AppendWords, line => line == paragraph ? appended : line);
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
                return (wording.AppendWords(path, y), OperationKind.AppendWords, line => line == paragraph ? WordEdits.Append(line, y) : line);
            }

            for (var take = 1; take <= Math.Min(MaxAnchorWords, keptWords.Length); take++)
            {
                var anchor = string.Join(' ', keptWords[^take..]);
                if (Occurrences(scope, anchor) == 1)
                {
                    return (wording.InsertWordsAfter(path, anchor, y), OperationKind.InsertWordsAfter, line => WordEdits.InsertAfter(line, anchor, y).Text);
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

                return (wording.RemoveWords(path, words), OperationKind.ExcludeWords, line => WordEdits.Remove(line, words).Text);
            }

            var replacement = prefix + y;
            return (wording.ReplaceWords(path, words, replacement), OperationKind.ReplaceWords, line => WordEdits.Replace(line, words, replacement).Text);
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

    /// <summary>An article's lines as the edition prints them, its heading line first.</summary>
    private static List<string> Lines(TextUnit article, Language language) => [ArticleHeading(article.Number, article.Heading, language), .. article.Lines()];

    private static string ArticleHeading(string number, string? heading, Language language) =>
        (language == Language.Kk ? $"{number}-бап." : $"Статья {number}.") + (heading is null ? string.Empty : $" {heading}");

    private static void Count(Dictionary<OperationKind, int> counts, OperationKind kind) =>
        counts[kind] = counts.GetValueOrDefault(kind) + 1;

    private static IEnumerable<string> Quote(List<string> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            yield return (i == 0 ? "«" : string.Empty) + lines[i] + (i == lines.Count - 1 ? "»;" : string.Empty);
        }
    }
}

/// <summary>A written draft, the articles it changes and how many operations of each kind it holds.</summary>
public sealed record GeneratedDraft(string Text, IReadOnlyList<string> Articles, IReadOnlyDictionary<OperationKind, int> Operations);
