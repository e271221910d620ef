using System.Text;
using System.Text.RegularExpressions;
using Assistant.Core.Acts;
using Assistant.Core.Changes;
using Assistant.Core.Editions;
using Assistant.Core.Norms;

namespace Assistant.Core.Drafts;

/// <summary>
/// Applies a draft's operations to an edition of each act it amends (the current one by default), in the draft's
/// order, and gives the draft's text of every norm it changes. An operation that cannot be applied (its norm or its
/// quoted words are not in the edition, or its target is ambiguous) is reported with its line and the reason.
/// </summary>
public sealed partial class DraftConsolidator(IEditionSource editions)
{
    /// <param name="language">The language of the edition amended; the draft's own by default.</param>
    public IReadOnlyList<Consolidation> Apply(ParsedDraft draft, string? edition = null, Language? language = null)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var textLanguage = language ?? draft.Language;
        var results = new List<Consolidation>();
        foreach (var actId in draft.TargetActs)
        {
            var instructions = draft.Instructions.Where(i => i.Operation.Target.ActId == actId).ToArray();
            var text = editions.Read(actId, textLanguage, edition);
            if (text is null)
            {
                var missing = $"the catalog has no {(edition is null ? "current edition" : $"edition {edition}")} of {actId} in {textLanguage.ToCode()}";
                results.Add(new Consolidation(actId, textLanguage, edition ?? string.Empty, [], [.. instructions.Select(i => new FailedInstruction(i.Line, i.Text, missing))]));
                continue;
            }

            var document = new AmendedEdition(text);
            var failed = new List<FailedInstruction>();
            foreach (var instruction in instructions)
            {
                if (document.Apply(instruction.Operation) is { } reason)
                {
                    failed.Add(new FailedInstruction(instruction.Line, instruction.Text, reason));
                }
            }

            results.Add(new Consolidation(actId, text.Language, text.Edition, document.ChangedNorms(), failed));
        }

        // Lines not read as instructions belong to no act; they are reported with the first act, or alone.
        if (draft.Failed.Count > 0)
        {
            if (results.Count == 0)
            {
                results.Add(new Consolidation(string.Empty, textLanguage, edition ?? string.Empty, [], draft.Failed));
            }
            else
            {
                results[0] = results[0] with { Failed = [.. draft.Failed, .. results[0].Failed] };
            }
        }

        return [.. results.Select(r => r with { Failed = [.. r.Failed.OrderBy(f => f.Line)] })];
    }

    /// <summary>The text an article is printed with, its heading line first: what a consolidation compares.</summary>
    public static string Render(Norm norm, Language language)
    {
        ArgumentNullException.ThrowIfNull(norm);
        return Render(TextUnit.From(norm), language);
    }

    internal static string Render(TextUnit unit, Language language)
    {
        var text = new StringBuilder();
        if (unit.Kind == NormKind.Article)
        {
            text.Append(language == Language.Kk ? $"{unit.Number}-бап." : $"Статья {unit.Number}.");
            if (unit.Heading is not null)
            {
                text.Append(' ').Append(unit.Heading);
            }
        }

        foreach (var line in unit.Lines())
        {
            if (text.Length > 0)
            {
                text.Append('\n');
            }

            text.Append(line);
        }

        return text.ToString();
    }

    [GeneratedRegex(@"^(?:(?:Глава|ГЛАВА)\s+(?<n>\d+(?:-\d+)*)|(?<n>\d+(?:-\d+)*)-(?:тарау|ТАРАУ))", RegexOptions.CultureInvariant)]
    private static partial Regex ChapterHeading();

    [GeneratedRegex(@"^(?:Статья\s+\d+(?:-\d+)*\.?|\d+(?:-\d+)*-бап\.?|(?:Глава|ГЛАВА)\s+\d+(?:-\d+)*\.?|\d+(?:-\d+)*-(?:тарау|ТАРАУ)\.?)\s*", RegexOptions.CultureInvariant)]
    private static partial Regex UnitLabel();

    private sealed class Entry(Norm? original, TextUnit? unit, string? chapter)
    {
        private TextUnit? unit = unit;

        public Norm? Original { get; } = original;

        public string? Chapter { get; set; } = chapter;

        public TextUnit Unit
        {
            get => unit ??= TextUnit.From(Original!);
            set => unit = value;
        }

        public NormKind Kind => Original?.Kind ?? unit!.Kind;

        public string Number => Original?.Number ?? unit!.Number;

        public bool Touched { get; set; }
    }

    /// <summary>One edition while a draft is applied to it.</summary>
    private sealed class AmendedEdition
    {
        private readonly EditionText edition;
        private readonly List<Entry> entries;
        private readonly Dictionary<string, (string Before, string After)> chapters = new(StringComparer.Ordinal);

        public AmendedEdition(EditionText edition)
        {
            this.edition = edition;
            entries = [.. edition.Norms.Select(norm => new Entry(norm, null, norm.Path.LastOrDefault(p => ChapterHeading().IsMatch(p))))];
        }

        private Language Language => edition.Language;

        public List<ConsolidatedNorm> ChangedNorms()
        {
            var norms = new List<ConsolidatedNorm>();
            foreach (var (number, (before, after)) in chapters)
            {
                norms.Add(new ConsolidatedNorm($"{edition.ActId}/chapter:{number}", null, before, after, Redline.Between(before, after)));
            }

            foreach (var entry in entries.Where(e => e.Touched))
            {
                var before = entry.Original is null ? string.Empty : Render(entry.Original, Language);
                var after = Render(entry.Unit, Language);
                var id = entry.Kind == NormKind.Article ? new NormId(edition.ActId, entry.Number) : new NormId(edition.ActId, point: entry.Number);
                norms.Add(new ConsolidatedNorm(entry.Original?.Id.ToString() ?? id.ToString(), entry.Kind == NormKind.Article ? entry.Number : null, before, after, Redline.Between(before, after)));
            }

            return norms;
        }

        /// <summary>Applies one operation; the reason when it cannot be applied.</summary>
        public string? Apply(AmendmentOperation operation)
        {
            var target = operation.Target;
            if (operation.Kind == OperationKind.Insert && operation.Unit!.Kind is UnitKind.Article or UnitKind.Chapter)
            {
                return InsertArticles(operation);
            }

            if (target.Norm is null)
            {
                return target.Chapter is null ? $"{FailureReasons.Ambiguous}: the instruction names no norm" : ApplyToChapter(operation, target.Chapter);
            }

            var (entry, unit, parent, problem) = Find(target);
            if (problem is not null)
            {
                return problem;
            }

            var reason = operation.Kind switch
            {
                OperationKind.Replace => Replace(entry!, unit!, parent, operation),
                OperationKind.Insert => Insert(unit!, operation),
                OperationKind.Exclude or OperationKind.Repeal => Remove(entry!, unit!, target, operation.Kind == OperationKind.Repeal),
                _ => EditWords(unit!, operation),
            };
            if (reason is null)
            {
                entry!.Touched = true;
            }

            return reason;
        }

        private (Entry? Entry, TextUnit? Unit, TextUnit? Parent, string? Problem) Find(AmendmentTarget target)
        {
            var top = target.Article is not null
                ? entries.Where(e => e.Kind == NormKind.Article && e.Number == target.Article).ToArray()
                : entries.Where(e => e.Kind == NormKind.Point && e.Number == target.Point).ToArray();
            var topName = target.Article is not null ? Name(UnitKind.Article, target.Article) : Name(UnitKind.Point, target.Point!);
            if (top.Length == 0)
            {
                return (null, null, null, $"{FailureReasons.NotFound}: {topName} is not in edition {edition.Edition}");
            }

            if (top.Length > 1)
            {
                return (null, null, null, $"{FailureReasons.Ambiguous}: edition {edition.Edition} has {top.Length} norms numbered {topName}");
            }

            var entry = top[0];
            TextUnit? unit = entry.Unit;
            TextUnit? parent = null;
            var path = topName;
            if (target.Article is not null && target.Point is not null)
            {
                (parent, unit, var problem) = Child(unit!, NormKind.Point, target.Point, path);
                if (problem is not null)
                {
                    return (null, null, null, problem);
                }

                path = $"{Name(UnitKind.Point, target.Point)} {path}";
            }

            if (target.Subpoint is not null)
            {
                (parent, unit, var problem) = Child(unit!, NormKind.Subpoint, target.Subpoint, path);
                if (problem is not null)
                {
                    return (null, null, null, problem);
                }
            }

            return (entry, unit, parent, null);
        }

        private (TextUnit Parent, TextUnit? Child, string? Problem) Child(TextUnit parent, NormKind kind, string number, string path)
        {
            var found = parent.Children.Where(c => c.Kind == kind && c.Number == number).ToArray();
            var name = Name(kind == NormKind.Point ? UnitKind.Point : UnitKind.Subpoint, number);
            return found.Length switch
            {
                0 => (parent, null, $"{FailureReasons.NotFound}: {path} has no {name} in edition {edition.Edition}"),
                1 => (parent, found[0], null),
                _ => (parent, null, $"{FailureReasons.Ambiguous}: {path} has {found.Length} units numbered {name}"),
            };
        }

        private static string? Replace(Entry entry, TextUnit unit, TextUnit? parent, AmendmentOperation operation)
        {
            var content = operation.Content!;
            switch (operation.Target.Element)
            {
                case TargetElement.Heading:
                    unit.Heading = UnitLabel().Replace(content[0], string.Empty).Trim();
                    return null;
                case TargetElement.Part or TargetElement.Paragraph:
                    if (OwnRange(unit, operation.Target) is not { } range)
                    {
                        return NoParagraph(operation.Target);
                    }

                    unit.Items.RemoveRange(range.Start, range.Count);
                    unit.Items.InsertRange(range.Start, Items(content, operation.Target.Element));
                    return null;
            }

            var read = TextUnit.Read(content, unit.Kind, unit.Number);
            if (parent is null)
            {
                var replacement = read[0];
                replacement.Number = unit.Number;
                if (unit.Kind == NormKind.Article && !Adilet.AdiletPatterns.Article().IsMatch(content[0]))
                {
                    replacement.Heading = unit.Heading;
                }

                entry.Unit = replacement;
                return null;
            }

            var at = parent.Items.IndexOf(unit);
            parent.Items.RemoveAt(at);
            parent.Items.InsertRange(at, read);
            return null;
        }

        private string? Insert(TextUnit parent, AmendmentOperation operation)
        {
            var unit = operation.Unit!;
            var content = operation.Content!;
            if (unit.Kind is UnitKind.Part or UnitKind.Paragraph)
            {
                var ordinal = int.Parse(unit.Number, System.Globalization.CultureInfo.InvariantCulture);
                var at = parent.OwnParagraph(ordinal, withParts: false)?.Start ?? parent.Items.Count;
                parent.Items.InsertRange(at, Items(content, unit.Kind == UnitKind.Part ? TargetElement.Part : TargetElement.Paragraph));
                return null;
            }

            var kind = unit.Kind == UnitKind.Point ? NormKind.Point : NormKind.Subpoint;
            if (kind == NormKind.Point && parent.Kind != NormKind.Article)
            {
                return $"{FailureReasons.Ambiguous}: a point is added to an article, not to {Name(UnitKind.Subpoint, parent.Number)}";
            }

            foreach (var child in TextUnit.Read(content, kind, unit.Number))
            {
                if (parent.Children.Any(c => c.Kind == kind && c.Number == child.Number))
                {
                    return $"{FailureReasons.Ambiguous}: the edition already has {Name(unit.Kind, child.Number)} there";
                }

                var siblings = parent.Items.Select((item, index) => (Unit: item as TextUnit, Index: index)).Where(s => s.Unit?.Kind == kind).ToArray();
                var before = siblings.LastOrDefault(s => TextUnit.CompareNumbers(s.Unit!.Number, child.Number) < 0);
                var position = before.Unit is not null ? before.Index + 1 : siblings.Length > 0 ? siblings[0].Index : parent.Items.Count;
                parent.Items.Insert(position, child);
            }

            return null;
        }

        private string? InsertArticles(AmendmentOperation operation)
        {
            var content = operation.Content!.ToList();
            string? chapter = null;
            if (operation.Unit!.Kind == UnitKind.Chapter)
            {
                chapter = content[0];
                content.RemoveAt(0);
                if (content.Count == 0)
                {
                    return "the added chapter has no articles";
                }
            }

            var articles = TextUnit.Read(content, NormKind.Article, operation.Unit.Kind == UnitKind.Article ? operation.Unit.Number : "?");
            foreach (var article in articles)
            {
                if (entries.Any(e => e.Kind == NormKind.Article && e.Number == article.Number))
                {
                    return $"{FailureReasons.Ambiguous}: the edition already has {Name(UnitKind.Article, article.Number)}";
                }

                var before = entries.FindLastIndex(e => e.Kind == NormKind.Article && TextUnit.CompareNumbers(e.Number, article.Number) < 0);
                var entry = new Entry(null, article, chapter ?? (before >= 0 ? entries[before].Chapter : null)) { Touched = true };
                entries.Insert(before + 1, entry);
            }

            if (chapter is not null)
            {
                chapters[operation.Unit.Number] = (string.Empty, chapter);
            }

            return null;
        }

        private string? ApplyToChapter(AmendmentOperation operation, string number)
        {
            var members = entries.Where(e => e.Chapter is { } c && ChapterHeading().Match(c).Groups["n"].Value == number).ToArray();
            if (members.Length == 0)
            {
                return $"{FailureReasons.NotFound}: {Name(UnitKind.Chapter, number)} is not in edition {edition.Edition}";
            }

            var heading = members[0].Chapter!;
            var before = chapters.TryGetValue(number, out var changed) ? changed.Before : heading;
            string? after = null;
            switch (operation.Kind)
            {
                case OperationKind.Replace when operation.Target.Element == TargetElement.Heading:
                    after = operation.Content![0];
                    break;
                case OperationKind.Exclude or OperationKind.Repeal when operation.Target.Element == TargetElement.Whole:
                    foreach (var member in members)
                    {
                        Mark(member, member.Unit, operation.Kind == OperationKind.Repeal);
                    }

                    return null;
                case OperationKind.ReplaceWords or OperationKind.ExcludeWords or OperationKind.InsertWordsAfter when operation.Target.Element == TargetElement.Heading:
                    var (text, count) = Words(heading, operation);
                    if (count == 0)
                    {
                        return Absent(operation.Words!, Name(UnitKind.Chapter, number));
                    }

                    after = text;
                    break;
                default:
                    return $"«{operation.Kind}» is not applied to a whole chapter: name its heading or its articles";
            }

            foreach (var member in members)
            {
                member.Chapter = after;
            }

            chapters[number] = (before, after);
            return null;
        }

        private string? Remove(Entry entry, TextUnit unit, AmendmentTarget target, bool repeal)
        {
            switch (target.Element)
            {
                case TargetElement.Heading:
                    unit.Heading = null;
                    return null;
                case TargetElement.Part or TargetElement.Paragraph:
                    if (OwnRange(unit, target) is not { } range)
                    {
                        return NoParagraph(target);
                    }

                    unit.Items.RemoveRange(range.Start, range.Count);
                    return null;
            }

            Mark(entry, unit, repeal);
            return null;
        }

        /// <summary>An excluded norm keeps its number with the word Adilet prints for it.</summary>
        private void Mark(Entry entry, TextUnit unit, bool repeal)
        {
            var kazakh = Language == Language.Kk;
            var word = unit.Kind == NormKind.Article
                ? (kazakh, repeal) switch { (true, true) => "күші жойылды", (true, false) => "алып тасталды", (false, true) => "Утратила силу", _ => "Исключена" }
                : (kazakh, repeal) switch { (true, true) => "күші жойылды", (true, false) => "алып тасталды", (false, true) => "утратил силу", _ => "исключен" };
            unit.Items.Clear();
            unit.Items.Add(unit.Kind switch
            {
                NormKind.Article => word,
                NormKind.Point => $"{unit.Number}. {word}",
                _ => $"{unit.Number}) {word}",
            });
            if (unit.Kind == NormKind.Article)
            {
                unit.Heading = null;
            }

            entry.Touched = true;
        }

        private static string? EditWords(TextUnit unit, AmendmentOperation operation)
        {
            var target = operation.Target;
            var where = target.ToString();
            if (target.Element == TargetElement.Heading)
            {
                if (unit.Heading is null)
                {
                    return $"{FailureReasons.NotFound}: {where} has no heading";
                }

                if (operation.Kind == OperationKind.AppendWords)
                {
                    unit.Heading = unit.Heading + WordEdits.Separator(operation.NewWords!) + operation.NewWords;
                    return null;
                }

                var (heading, count) = Words(unit.Heading, operation);
                unit.Heading = heading;
                return count == 0 ? Absent(operation.Words!, where) : null;
            }

            var scope = unit;
            if (target.Element is TargetElement.Part or TargetElement.Paragraph)
            {
                if (OwnRange(unit, target) is not { } range)
                {
                    return NoParagraph(target);
                }

                // The part's paragraphs are edited in a unit of their own, then put back.
                scope = new TextUnit(unit.Kind, unit.Number);
                scope.Items.AddRange(unit.Items.GetRange(range.Start, range.Count));
                var reason = EditWords(scope, operation with { Target = target with { Element = TargetElement.Whole } });
                unit.Items.RemoveRange(range.Start, range.Count);
                unit.Items.InsertRange(range.Start, scope.Items);
                return reason;
            }

            if (operation.Kind == OperationKind.AppendWords)
            {
                return AppendToLast(scope, operation.NewWords!) ? null : $"{FailureReasons.NotFound}: {where} has no text";
            }

            var changed = scope.Rewrite(line => Words(line, operation));
            return changed == 0 ? Absent(operation.Words!, where) : null;
        }

        private static bool AppendToLast(TextUnit unit, string words)
        {
            for (var i = unit.Items.Count - 1; i >= 0; i--)
            {
                if (unit.Items[i] is string line)
                {
                    unit.Items[i] = WordEdits.Append(line, words);
                    return true;
                }

                if (AppendToLast((TextUnit)unit.Items[i], words))
                {
                    return true;
                }
            }

            return false;
        }

        private static (string Text, int Count) Words(string text, AmendmentOperation operation) => operation.Kind switch
        {
            OperationKind.ReplaceWords => WordEdits.Replace(text, operation.Words!, operation.NewWords!),
            OperationKind.ExcludeWords => WordEdits.Remove(text, operation.Words!),
            OperationKind.InsertWordsAfter => WordEdits.InsertAfter(text, operation.Words!, operation.NewWords!),
            _ => throw new ArgumentOutOfRangeException(nameof(operation), operation.Kind, "not a word operation"),
        };

        private static (int Start, int Count)? OwnRange(TextUnit unit, AmendmentTarget target) =>
            unit.OwnParagraph(target.Ordinal, withParts: target.Element == TargetElement.Part);

        private static string NoParagraph(AmendmentTarget target) =>
            $"{FailureReasons.NotFound}: {target} — the norm has fewer {(target.Element == TargetElement.Part ? "parts" : "paragraphs")}";

        private static string Absent(string words, string where) =>
            $"{FailureReasons.WordsAbsent}: «{words}» is not in {where}";

        /// <summary>A paragraph's lines stay paragraphs; a part's first line is its paragraph and subpoints may follow it.</summary>
        private static List<object> Items(IReadOnlyList<string> content, TargetElement element)
        {
            if (element == TargetElement.Paragraph || content.Count == 1)
            {
                return [.. content];
            }

            var rest = TextUnit.Read(content.Skip(1).ToArray(), NormKind.Article, "?")[0].Items;
            return [content[0], .. rest];
        }

        private string Name(UnitKind kind, string number) => (Language, kind) switch
        {
            (Language.Kk, UnitKind.Article) => $"{number}-бап",
            (Language.Kk, UnitKind.Point) => $"{number}-тармақ",
            (Language.Kk, UnitKind.Subpoint) => $"{number}) тармақша",
            (Language.Kk, UnitKind.Chapter) => $"{number}-тарау",
            (_, UnitKind.Article) => $"статья {number}",
            (_, UnitKind.Point) => $"пункт {number}",
            (_, UnitKind.Subpoint) => $"подпункт {number})",
            (_, UnitKind.Chapter) => $"глава {number}",
            _ => number,
        };
    }
}
