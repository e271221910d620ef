using System.Globalization;
using Assistant.Core.Acts;
using Assistant.Core.Norms;

namespace Assistant.Core.Drafts;

/// <summary>A norm inside the article an item of a draft opens: its point, subpoint and own paragraph, if any, or the article's heading.</summary>
internal sealed record UnitPath(string Article, string? Point, string? Subpoint, int Paragraph = 0, bool Heading = false);

/// <summary>
/// The official formulas of an amending law in one language, as <see cref="AmendingDraftWriter"/> writes them:
/// each method gives one instruction line, its target named relative to the article of the item it stands in.
/// </summary>
internal abstract class DraftWording
{
    public static DraftWording For(Language language) => language == Language.Kk ? new KazakhWording() : new RussianWording();

    /// <summary>The highest paragraph ordinal the formulas can name.</summary>
    public abstract int MaxParagraph { get; }

    /// <summary>The act as the title and the opening formula name it, from a known code's title and adoption date.</summary>
    public abstract string ActName(KnownAct act);

    public abstract string Title(string actName);

    public abstract string Opener(string actName);

    public abstract string EntryIntoForce { get; }

    public abstract string InArticle(string article);

    public abstract string InsertArticle(string article);

    public abstract string RemoveArticle(string article, bool repeal);

    public abstract string ReplaceArticle(string article);

    public abstract string ReplaceHeading { get; }

    public abstract string Remove(UnitPath path, bool repeal);

    public abstract string Replace(UnitPath path);

    /// <summary>Adds a point (<see cref="NormKind.Point"/>) or a subpoint to the norm at <paramref name="path"/>.</summary>
    public abstract string Insert(UnitPath path, NormKind kind, string number);

    public abstract string AppendWords(UnitPath path, string words);

    public abstract string InsertWordsAfter(UnitPath path, string anchor, string words);

    public abstract string RemoveWords(UnitPath path, string words);

    public abstract string ReplaceWords(UnitPath path, string words, string replacement);

    private sealed class RussianWording : DraftWording
    {
        public override int MaxParagraph => int.MaxValue;

        public override string ActName(KnownAct act)
        {
            var months = Adilet.AdiletPatterns.RussianMonthNames.Split('|');
            return $"{act.RussianTitle} от {act.AdoptedOn.Day} {months[act.AdoptedOn.Month - 1]} {act.AdoptedOn.Year} года";
        }

        public override string Title(string actName) => $"О внесении изменений и дополнений в {actName}";

        public override string Opener(string actName) => $"Статья 1. Внести в {actName} следующие изменения и дополнения:";

        public override string EntryIntoForce =>
            "Статья 2. Настоящий Закон вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования.";

        public override string InArticle(string article) => $"в статье {article}:";

        public override string InsertArticle(string article) => $"дополнить статьей {article} следующего содержания:";

        public override string RemoveArticle(string article, bool repeal) =>
            $"статью {article} {(repeal ? "признать утратившей силу" : "исключить")};";

        public override string ReplaceArticle(string article) => $"статью {article} изложить в следующей редакции:";

        public override string ReplaceHeading => "заголовок изложить в следующей редакции:";

        public override string Remove(UnitPath path, bool repeal) =>
            $"{Accusative(path)} {(repeal ? "признать утратившим силу" : "исключить")};";

        public override string Replace(UnitPath path) => $"{Accusative(path)} изложить в следующей редакции:";

        public override string Insert(UnitPath path, NormKind kind, string number) =>
            $"{Accusative(path)} дополнить {(kind == NormKind.Point ? $"пунктом {number}" : $"подпунктом {number})")} следующего содержания:".TrimStart();

        public override string AppendWords(UnitPath path, string words) => $"{Accusative(path)} дополнить словами «{words}»;".TrimStart();

        public override string InsertWordsAfter(UnitPath path, string anchor, string words) =>
            $"{Prepositional(path)} после слов «{anchor}» дополнить словами «{words}»;".TrimStart();

        public override string RemoveWords(UnitPath path, string words) => $"{Prepositional(path)} слова «{words}» исключить;".TrimStart();

        public override string ReplaceWords(UnitPath path, string words, string replacement) =>
            $"{Prepositional(path)} слова «{words}» заменить словами «{replacement}»;".TrimStart();

        /// <summary>«абзац второй подпункта 2) пункта 3».</summary>
        private static string Accusative(UnitPath path) => path.Heading ? "заголовок"
            : path.Paragraph > 0
            ? Join($"абзац {Ordinals.Russian(path.Paragraph, OrdinalForm.Masculine)}", Genitive(path.Point, path.Subpoint))
            : path.Subpoint is not null ? Join($"подпункт {path.Subpoint})", Genitive(path.Point, null))
            : path.Point is not null ? $"пункт {path.Point}"
            : string.Empty;

        /// <summary>«в абзаце втором подпункта 2) пункта 3».</summary>
        private static string Prepositional(UnitPath path) => path.Heading ? "в заголовке"
            : path.Paragraph > 0
            ? Join($"в абзаце {Ordinals.Russian(path.Paragraph, OrdinalForm.MasculinePrepositional)}", Genitive(path.Point, path.Subpoint))
            : path.Subpoint is not null ? Join($"в подпункте {path.Subpoint})", Genitive(path.Point, null))
            : path.Point is not null ? $"в пункте {path.Point}"
            : string.Empty;

        private static string Genitive(string? point, string? subpoint) =>
            string.Join(' ', new[] { subpoint is null ? null : $"подпункта {subpoint})", point is null ? null : $"пункта {point}" }.OfType<string>());

        private static string Join(string head, string rest) => rest.Length == 0 ? head : $"{head} {rest}";
    }

    /// <summary>
    /// Kazakh names a norm from the outside in, each level but the last in the genitive and the last in its possessive
    /// form: «2-тармақтың 3) тармақшасының бірінші абзацы», in the locative for word formulas («… абзацында»).
    /// </summary>
    private sealed class KazakhWording : DraftWording
    {
        // The locative adjective of each month, as dates are written: «2015 жылғы 23 қарашадағы».
        private static readonly string[] MonthsOn =
        [
            "қаңтардағы", "ақпандағы", "наурыздағы", "сәуірдегі", "мамырдағы", "маусымдағы",
            "шілдедегі", "тамыздағы", "қыркүйектегі", "қазандағы", "қарашадағы", "желтоқсандағы",
        ];

        private const string Republic = "Қазақстан Республикасының ";

        private enum Case
        {
            Nominative,
            Locative,
        }

        public override int MaxParagraph => 20;

        /// <summary>«Қазақстан Республикасының 2015 жылғы 23 қарашадағы Еңбек кодексіне» (the dative the formulas govern).</summary>
        public override string ActName(KnownAct act)
        {
            // A closing parenthesis («(Ерекше бөлім)», «(Салық кодексі)») follows the dative of the name before it.
            var title = act.KazakhTitle.Replace(Republic, string.Empty, StringComparison.Ordinal);
            var parenthesis = title.EndsWith(')') ? title.LastIndexOf(" (", StringComparison.Ordinal) : -1;
            var (head, tail) = parenthesis > 0 ? (title[..parenthesis], title[parenthesis..]) : (title, string.Empty);
            var name = (head.EndsWith("кодексі", StringComparison.OrdinalIgnoreCase)
                ? head[..^"кодексі".Length] + "кодексіне"
                : head + (head[^1] == 'ы' ? "на" : "не")) + tail;
            var date = $"{act.AdoptedOn.Year.ToString(CultureInfo.InvariantCulture)} жылғы {act.AdoptedOn.Day.ToString(CultureInfo.InvariantCulture)} {MonthsOn[act.AdoptedOn.Month - 1]}";
            return $"{Republic}{date} {name}";
        }

        public override string Title(string actName) => $"{actName} өзгерістер мен толықтырулар енгізу туралы";

        public override string Opener(string actName) => $"1-бап. {actName} мынадай өзгерістер мен толықтырулар енгізілсін:";

        public override string EntryIntoForce =>
            "2-бап. Осы Заң алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі.";

        public override string InArticle(string article) => $"{article}-бапта:";

        public override string InsertArticle(string article) => $"мынадай мазмұндағы {article}-баппен толықтырылсын:";

        public override string RemoveArticle(string article, bool repeal) => $"{article}-бап {Removed(repeal)};";

        public override string ReplaceArticle(string article) => $"{article}-бап мынадай редакцияда жазылсын:";

        public override string ReplaceHeading => "тақырыбы мынадай редакцияда жазылсын:";

        public override string Remove(UnitPath path, bool repeal) => $"{Name(path, Case.Nominative)} {Removed(repeal)};";

        public override string Replace(UnitPath path) => $"{Name(path, Case.Nominative)} мынадай редакцияда жазылсын:";

        public override string Insert(UnitPath path, NormKind kind, string number) =>
            $"{Name(path, Case.Nominative)} мынадай мазмұндағы {(kind == NormKind.Point ? $"{number}-тармақпен" : $"{number}) тармақшамен")} толықтырылсын:".TrimStart();

        public override string AppendWords(UnitPath path, string words) =>
            $"{Name(path, Case.Nominative)} «{words}» деген {With(words)} толықтырылсын;".TrimStart();

        public override string InsertWordsAfter(UnitPath path, string anchor, string words) =>
            $"{Name(path, Case.Locative)} «{anchor}» деген {Words(anchor)}ден кейін «{words}» деген {With(words)} толықтырылсын;".TrimStart();

        public override string RemoveWords(UnitPath path, string words) =>
            $"{Name(path, Case.Locative)} «{words}» деген {Words(words)} алып тасталсын;".TrimStart();

        public override string ReplaceWords(UnitPath path, string words, string replacement) =>
            $"{Name(path, Case.Locative)} «{words}» деген {Words(words)} «{replacement}» деген {With(replacement)} ауыстырылсын;".TrimStart();

        private static string Removed(bool repeal) => repeal ? "күші жойылды деп танылсын" : "алып тасталсын";

        /// <summary>«сөз» for one word, «сөздер» for more.</summary>
        private static string Words(string words) => words.Contains(' ', StringComparison.Ordinal) ? "сөздер" : "сөз";

        /// <summary>The instrumental: «сөзбен», «сөздермен».</summary>
        private static string With(string words) => words.Contains(' ', StringComparison.Ordinal) ? "сөздермен" : "сөзбен";

        private static string Name(UnitPath path, Case form)
        {
            if (path.Heading)
            {
                return form == Case.Nominative ? "тақырыбы" : "тақырыбында";
            }

            var levels = new List<Level>();
            if (path.Point is not null)
            {
                levels.Add(new Level($"{path.Point}-тармақ", $"{path.Point}-тармақтың", $"{path.Point}-тармағы", $"{path.Point}-тармағының", $"{path.Point}-тармақта", $"{path.Point}-тармағында"));
            }

            if (path.Subpoint is not null)
            {
                var s = $"{path.Subpoint}) тармақша";
                levels.Add(new Level(s, s + "ның", s + "сы", s + "сының", s + "да", s + "сында"));
            }

            if (path.Paragraph > 0)
            {
                var p = $"{Ordinals.Kazakh(path.Paragraph)} абзац";
                levels.Add(new Level(p, p + "тың", p + "ы", p + "ының", p + "та", p + "ында"));
            }

            var words = new List<string>();
            for (var i = 0; i < levels.Count; i++)
            {
                var level = levels[i];
                var last = i == levels.Count - 1;
                words.Add((last, i == 0, form) switch
                {
                    (false, true, _) => level.Genitive,
                    (false, false, _) => level.PossessiveGenitive,
                    (true, true, Case.Nominative) => level.Nominative,
                    (true, true, Case.Locative) => level.Locative,
                    (true, false, Case.Nominative) => level.Possessive,
                    _ => level.PossessiveLocative,
                });
            }

            return string.Join(' ', words);
        }

        private sealed record Level(string Nominative, string Genitive, string Possessive, string PossessiveGenitive, string Locative, string PossessiveLocative);
    }
}
