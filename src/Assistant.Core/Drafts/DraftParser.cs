using System.Text.RegularExpressions;
using Assistant.Core.Acts;
using Assistant.Core.Adilet;

namespace Assistant.Core.Drafts;

/// <summary>
/// Reads the amendment instructions of a draft amending law into operations on norms: the article of the draft that
/// names the amended act («Внести в … следующие изменения и дополнения:» / «… мынадай өзгерістер … енгізілсін:»), its
/// numbered items and the context lines they open («в статье 16:»), the formulas and their quoted texts. A line that
/// looks like an instruction but cannot be read is reported with its number and the reason, never dropped.
/// </summary>
public sealed partial class DraftParser(ActResolver acts)
{
    public ParsedDraft Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = StraightQuotes.ToGuillemets(text.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n'));
        return new Reading(acts, [.. lines]).Run();
    }

    [GeneratedRegex(@"^\d+\.\s+В\s+(?<act>.+?)\s*:$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberedRussianAct();

    [GeneratedRegex(@"^\d+\.\s+(?<act>.+?(?:кодексіне|Заңына|заңына|Конституциясына|қаулысына|Жарлығына)(?:\s*\([^)\d]*\))?)(?:\s*\(.*\))?\s*:$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberedKazakhAct();

    /// <summary>What the instructions read so far point at: set by items and context lines, narrowed by each instruction.</summary>
    private readonly record struct Scope(string? Chapter, string? Article, string? Point, string? Subpoint, TargetElement Element, int Ordinal)
    {
        public bool IsEmpty => Chapter is null && Article is null && Point is null && Subpoint is null && Element == TargetElement.Whole;
    }

    private sealed class Reading(ActResolver acts, string[] lines)
    {
        private readonly List<AmendmentInstruction> instructions = [];
        private readonly List<FailedInstruction> failed = [];
        private readonly List<string> targets = [];
        private string? title;
        private Language? language;
        private bool amending;
        private string? actId;
        private string? actProblem;
        private Scope scope;
        private int index;
        private int instructionLine;

        public ParsedDraft Run()
        {
            for (index = 0; index < lines.Length; index++)
            {
                var line = lines[index].Trim();
                if (line.Length > 0)
                {
                    Read(line);
                }
            }

            var body = string.Join('\n', lines);
            return new ParsedDraft(title ?? string.Empty, language ?? ScriptLanguage.Detect(body), targets, instructions, failed);
        }

        private int LineNumber => index + 1;

        private void Read(string line)
        {
            if (DraftFormulas.DraftArticle().Match(line) is { Success: true } article)
            {
                amending = false;
                actId = null;
                scope = default;
                line = article.Groups["rest"].Value.Trim();
                if (line.Length == 0)
                {
                    return;
                }
            }
            else if (title is null && !amending)
            {
                title = line;
                return;
            }

            if (OpensAct(line))
            {
                return;
            }

            if (!amending)
            {
                return;
            }

            var original = line;
            instructionLine = LineNumber;
            if (DraftFormulas.Item().Match(line) is { Success: true } item)
            {
                scope = default;
                line = item.Groups["rest"].Value.Trim();
            }

            foreach (var instruction in RunIn(line))
            {
                ReadInstruction(original, instruction);
            }
        }

        /// <summary>
        /// Instructions run into one line («в статье 58: часть вторую пункта 1 исключить; пункт 3 изложить в следующей
        /// редакции: «…»»), split outside the quotes: after a context that names the norms («в статье 58:») and at
        /// each «; » that ends an instruction.
        /// </summary>
        private static IEnumerable<string> RunIn(string line)
        {
            var depth = 0;
            var start = 0;
            for (var i = 0; i < line.Length - 1; i++)
            {
                var c = line[i];
                depth += c == '«' ? 1 : c == '»' ? -1 : 0;
                if (depth != 0 || line[i + 1] != ' ' || !(c == ';' || (c == ':' && IsContext(line[start..i]))))
                {
                    continue;
                }

                var rest = line[(i + 1)..].TrimStart();
                if (rest.Length == 0 || rest[0] == '«')
                {
                    continue;
                }

                yield return line[start..(i + 1)].Trim();
                start = i + 1;
            }

            yield return line[start..].Trim();
        }

        /// <summary>A phrase before «:» that only names where the next instructions apply, holding no formula.</summary>
        private static bool IsContext(string phrase) => !FormulaWord().IsMatch(phrase);

        private bool OpensAct(string line)
        {
            Match match;
            Language opener;
            if ((match = DraftFormulas.RussianActOpener().Match(line)).Success || (match = NumberedRussianAct().Match(line)).Success)
            {
                opener = Language.Ru;
            }
            else if ((match = DraftFormulas.KazakhActOpener().Match(line)).Success || (match = NumberedKazakhAct().Match(line)).Success)
            {
                opener = Language.Kk;
            }
            else
            {
                return false;
            }

            language ??= opener;
            amending = true;
            scope = default;
            var name = match.Groups["act"].Value;
            // The act's name ends where its publication («(Ведомости Парламента …, 2015 г., № 22-IV, ст. 150)») begins;
            // a parenthesis without figures is part of the name: «(Особенная часть)», «(Ерекше бөлім)».
            var publication = PublicationReference().Match(name);
            (actId, actProblem) = acts.Resolve(publication.Success ? name[..publication.Index] : name);
            if (actId is null)
            {
                failed.Add(new FailedInstruction(LineNumber, line, actProblem!));
                actProblem = $"the act of line {LineNumber} was not resolved";
            }
            else if (!targets.Contains(actId))
            {
                targets.Add(actId);
            }

            return true;
        }

        private void ReadInstruction(string original, string line)
        {
            Match match;
            if ((match = DraftFormulas.RussianReplace().Match(line)).Success || (match = DraftFormulas.KazakhReplace().Match(line)).Success)
            {
                var content = ReadContent(original, match.Groups["inline"]);
                if (content is not null && Target(original, match.Groups["target"].Value) is { } target)
                {
                    Add(original, new AmendmentOperation(OperationKind.Replace, target, Content: content));
                }

                return;
            }

            if ((match = DraftFormulas.RussianInsert().Match(line)).Success || (match = DraftFormulas.KazakhInsert().Match(line)).Success)
            {
                var unit = match.Groups["unit"].Success ? RussianUnit(match.Groups["unit"].Value, match.Groups["n"].Value) : KazakhUnit(match.Groups["spec"].Value);
                var content = ReadContent(original, match.Groups["inline"]);
                if (unit is null)
                {
                    Fail(original, "not an amendment instruction: the unit to add is not named as «пунктом 1-1» / «1-1-тармақпен»");
                }
                else if (content is not null && unit.Kind is UnitKind.Article or UnitKind.Chapter && match.Groups["target"].Value.Trim().Length == 0)
                {
                    // An article or a chapter is added to the act: no norm above it needs naming.
                    if (actId is null)
                    {
                        Fail(original, actProblem ?? "the instruction comes before any «Внести в …» naming the amended act");
                    }
                    else
                    {
                        Add(original, new AmendmentOperation(OperationKind.Insert, new AmendmentTarget(actId, scope.Chapter), Content: content, Unit: unit));
                    }
                }
                else if (content is not null && Target(original, match.Groups["target"].Value) is { } target)
                {
                    Add(original, new AmendmentOperation(OperationKind.Insert, target, Content: content, Unit: unit));
                }

                return;
            }

            if (QuotedText.Split(line) is not { } quoted)
            {
                Fail(original, "the quotes «» of the line do not balance");
                return;
            }

            if (ReadWordOperations(original, quoted))
            {
                return;
            }

            var skeleton = quoted.Skeleton;
            if ((match = DraftFormulas.RussianRepeal().Match(skeleton)).Success || (match = DraftFormulas.KazakhRepeal().Match(skeleton)).Success)
            {
                if (Target(original, match.Groups["target"].Value) is { } target)
                {
                    Add(original, new AmendmentOperation(OperationKind.Repeal, target));
                }
            }
            else if ((match = DraftFormulas.RussianExclude().Match(skeleton)).Success || (match = DraftFormulas.KazakhExclude().Match(skeleton)).Success)
            {
                if (Target(original, match.Groups["target"].Value) is { } target)
                {
                    Add(original, new AmendmentOperation(OperationKind.Exclude, target));
                }
            }
            else if (skeleton.EndsWith(':'))
            {
                var phrase = skeleton[..^1];
                if (Narrow(scope, phrase) is { } opened && !opened.IsEmpty && opened != scope)
                {
                    scope = opened;
                }
                else
                {
                    Fail(original, "not an amendment instruction: the line names no article, point, part or chapter");
                }
            }
            else
            {
                Fail(original, "not an amendment instruction: no formula («изложить в следующей редакции», «дополнить», «исключить», «слова … заменить словами …») found");
            }
        }

        private bool ReadWordOperations(string original, QuotedText quoted)
        {
            var skeleton = quoted.Skeleton;
            var found = new List<(int Index, OperationKind Kind, Match Match)>();
            Collect(found, DraftFormulas.ReplaceWordsRespectively(), OperationKind.ReplaceWords, skeleton);
            Collect(found, DraftFormulas.InsertWordsAfter(), OperationKind.InsertWordsAfter, skeleton);
            Collect(found, DraftFormulas.ReplaceWords(), OperationKind.ReplaceWords, skeleton);
            Collect(found, DraftFormulas.ExcludeWords(), OperationKind.ExcludeWords, skeleton);
            Collect(found, DraftFormulas.AppendWords(), OperationKind.AppendWords, skeleton);
            if (found.Count == 0)
            {
                return false;
            }

            found.Sort((a, b) => a.Index.CompareTo(b.Index));
            var phrase = skeleton[..found[0].Index];

            // «в заголовке и по тексту статьи 5» / «тақырыбында және мәтінінде»: the words change in both.
            var both = HeadingAndText().Match(phrase);
            var phrases = both.Success
                ? new[] { phrase.Remove(both.Index, both.Length) + " " + both.Groups["heading"].Value, phrase.Remove(both.Index, both.Length) }
                : [phrase];
            foreach (var target in phrases.Select(p => Target(original, p)))
            {
                if (target is not null)
                {
                    AddWordOperations(original, quoted, found, target);
                }
            }

            return true;
        }

        private void AddWordOperations(string original, QuotedText quoted, List<(int Index, OperationKind Kind, Match Match)> found, AmendmentTarget target)
        {
            foreach (var (_, kind, match) in found)
            {
                // «… соответственно …» pairs each quoted text with the replacement in the same place.
                var words = match.Groups["x"].Captures;
                var newWords = match.Groups["y"].Captures;
                if (words.Count > 1 && words.Count != newWords.Count)
                {
                    Fail(original, $"not an amendment instruction: {words.Count} quoted texts are replaced «соответственно» by {newWords.Count}");
                    continue;
                }

                for (var i = 0; i < Math.Max(1, words.Count); i++)
                {
                    Add(original, new AmendmentOperation(
                        kind,
                        target,
                        words.Count > 0 ? quoted.Quote(words[i].Value) : null,
                        newWords.Count > 0 ? quoted.Quote(newWords[Math.Min(i, newWords.Count - 1)].Value) : null));
                }
            }
        }

        private static void Collect(List<(int, OperationKind, Match)> found, Regex formula, OperationKind kind, string skeleton)
        {
            foreach (Match match in formula.Matches(skeleton))
            {
                if (!found.Exists(f => Overlaps(f.Item3, match)))
                {
                    found.Add((match.Index, kind, match));
                }
            }
        }

        private static bool Overlaps(Match a, Match b) => a.Index < b.Index + b.Length && b.Index < a.Index + a.Length;

        /// <summary>The quoted lines after a formula ending in «:», or on its own line; null (reported) when there are none.</summary>
        private List<string>? ReadContent(string original, Group inline)
        {
            var start = LineNumber;
            var content = new List<string>();
            var balance = 0;
            if (inline.Success)
            {
                content.Add(inline.Value.Trim());
                balance = QuotedText.Balance(inline.Value);
            }
            else
            {
                var next = NextLine();
                if (next is null || !next.StartsWith('«'))
                {
                    Fail(original, "the instruction has no quoted text «…» after it", start);
                    return null;
                }

                content.Add(next);
                balance = QuotedText.Balance(next);
            }

            while (balance > 0)
            {
                if (NextLine() is not { } line)
                {
                    Fail(original, $"the quoted text opened on line {start} is not closed", start);
                    return null;
                }

                content.Add(line);
                balance += QuotedText.Balance(line);
            }

            content[0] = content[0][1..];
            content[^1] = ClosingQuote().Replace(content[^1], string.Empty);
            return content.Select(line => line.Trim()).Where(line => line.Length > 0).ToList();
        }

        private string? NextLine()
        {
            while (index + 1 < lines.Length)
            {
                index++;
                var line = lines[index].Trim();
                if (line.Length > 0)
                {
                    return line;
                }
            }

            return null;
        }

        private AmendmentTarget? Target(string original, string phrase)
        {
            if (actId is null)
            {
                Fail(original, actProblem ?? "the instruction comes before any «Внести в …» naming the amended act");
                return null;
            }

            if (Narrow(scope, phrase) is not { } narrowed)
            {
                Fail(original, $"{FailureReasons.Ambiguous}: the line names two articles, points or subpoints");
                return null;
            }

            if (narrowed.IsEmpty)
            {
                Fail(original, $"{FailureReasons.Ambiguous}: the instruction names no article, point or chapter, and no item above it does");
                return null;
            }

            return new AmendmentTarget(actId, narrowed.Chapter, narrowed.Article, narrowed.Point, narrowed.Subpoint, narrowed.Element, narrowed.Ordinal);
        }

        /// <summary>The scope narrowed by the levels a phrase names; null when it names one level twice.</summary>
        private static Scope? Narrow(Scope scope, string phrase)
        {
            var chapter = Single(DraftFormulas.Chapter(), phrase, "n");
            var article = Single(DraftFormulas.Article(), phrase, "n");
            var point = Single(DraftFormulas.Point(), phrase, "n");
            var subpoint = Single(DraftFormulas.Subpoint(), phrase, "n");
            var part = Single(DraftFormulas.Part, phrase, "o");
            var paragraph = Single(DraftFormulas.Paragraph, phrase, "o");
            if (chapter == string.Empty || article == string.Empty || point == string.Empty || subpoint == string.Empty || part == string.Empty || paragraph == string.Empty)
            {
                return null;
            }

            if (chapter is not null)
            {
                scope = new Scope(chapter, null, null, null, TargetElement.Whole, 0);
            }

            if (article is not null)
            {
                scope = new Scope(null, article, null, null, TargetElement.Whole, 0);
            }

            if (point is not null)
            {
                scope = scope with { Point = point, Subpoint = null, Element = TargetElement.Whole, Ordinal = 0 };
            }

            if (subpoint is not null)
            {
                scope = scope with { Subpoint = subpoint, Element = TargetElement.Whole, Ordinal = 0 };
            }

            if (part is not null)
            {
                scope = scope with { Element = TargetElement.Part, Ordinal = Ordinals.Read(part) };
            }

            if (paragraph is not null)
            {
                scope = scope with { Element = TargetElement.Paragraph, Ordinal = Ordinals.Read(paragraph) };
            }

            if (DraftFormulas.Heading().IsMatch(phrase))
            {
                scope = scope with { Element = TargetElement.Heading, Ordinal = 0 };
            }

            return scope;
        }

        /// <summary>The one value a level is named with, null when not named, empty when named with two values.</summary>
        private static string? Single(Regex level, string phrase, string group)
        {
            var values = level.Matches(phrase).Select(m => m.Groups[group].Value).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
            return values.Length switch
            {
                0 => null,
                1 => values[0],
                _ => string.Empty,
            };
        }

        private static NewUnit? RussianUnit(string unit, string number)
        {
            var first = number.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries)[0].TrimEnd(')');
            var kind = unit.ToLowerInvariant() switch
            {
                var u when u.StartsWith("стать", StringComparison.Ordinal) => UnitKind.Article,
                var u when u.StartsWith("глав", StringComparison.Ordinal) => UnitKind.Chapter,
                var u when u.StartsWith("подпункт", StringComparison.Ordinal) => UnitKind.Subpoint,
                var u when u.StartsWith("пункт", StringComparison.Ordinal) => UnitKind.Point,
                var u when u.StartsWith("част", StringComparison.Ordinal) => UnitKind.Part,
                _ => UnitKind.Paragraph,
            };
            return Numbered(kind, first);
        }

        private static NewUnit? KazakhUnit(string spec)
        {
            var match = DraftFormulas.KazakhUnit.Match(spec.Trim());
            if (!match.Success)
            {
                return null;
            }

            var kind = match.Groups["sub"].Success ? UnitKind.Subpoint : match.Groups["kind"].Value.ToLowerInvariant() switch
            {
                "бап" => UnitKind.Article,
                "тарау" => UnitKind.Chapter,
                "бөлі" => UnitKind.Part,
                "абзац" => UnitKind.Paragraph,
                _ => UnitKind.Point,
            };
            return Numbered(kind, match.Groups["n"].Success ? match.Groups["n"].Value : match.Groups["o"].Value);
        }

        private static NewUnit? Numbered(UnitKind kind, string number)
        {
            if (kind is UnitKind.Part or UnitKind.Paragraph)
            {
                var ordinal = Ordinals.Read(number);
                return ordinal == 0 ? null : new NewUnit(kind, ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            return NumberPattern().IsMatch(number) ? new NewUnit(kind, number) : null;
        }

        private void Add(string original, AmendmentOperation operation) =>
            instructions.Add(new AmendmentInstruction(instructionLine, original, operation));

        private void Fail(string original, string reason, int? line = null) =>
            failed.Add(new FailedInstruction(line ?? instructionLine, original, reason));
    }

    [GeneratedRegex(@"(?<heading>в\s+заголовке|тақырыбында)\s+(?:и|және)\s+(?:по\s+(?:всему\s+)?тексту|мәтінінде)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex HeadingAndText();

    [GeneratedRegex(@"\s\((?=[^)]*\d)", RegexOptions.CultureInvariant)]
    private static partial Regex PublicationReference();

    [GeneratedRegex(@"изложить|дополнить|исключить|заменить|признать|содержания|редакци|жазылсын|толықтырылсын|мазмұндағы|тасталсын|ауыстырылсын|танылсын", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex FormulaWord();

    [GeneratedRegex(@"»\s*[;.,]?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex ClosingQuote();

    [GeneratedRegex(@"^\d+(?:-\d+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();
}
