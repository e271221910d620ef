using Assistant.Core.Acts;
using Assistant.Core.Norms;

namespace Assistant.Core.Adilet;

/// <summary>A norm while its text is still being read; every paragraph is also added to its ancestors.</summary>
internal sealed class NormDraft(NormId id, NormKind kind, string number, string? heading, IReadOnlyList<string> path, NormDraft? parent)
{
    private readonly HashSet<string> partNumbers = new(StringComparer.Ordinal);

    public NormId Id { get; } = id;

    public NormKind Kind { get; } = kind;

    public string Number { get; } = number;

    public string? Heading { get; set; } = heading;

    public NormDraft? Parent { get; } = parent;

    public IReadOnlyList<string> Path { get; } = path;

    public NormStatus Status { get; set; }

    /// <summary>All paragraphs of the norm, its parts' included.</summary>
    public List<string> Paragraphs { get; } = [];

    /// <summary>Paragraphs of the norm that are not in its parts: searched for references once, at the lowest level.</summary>
    public List<string> OwnParagraphs { get; } = [];

    public bool IsEmpty => Paragraphs.Count == 0 && Parts.Count == 0;

    public List<NormDraft> Parts { get; } = [];

    public List<Footnote> Footnotes { get; } = [];

    /// <summary>Starts with a note when the id's number had to be made unique (see <see cref="UniqueNumber"/>).</summary>
    public List<EditorialNote> EditorialNotes { get; } = LastNumber(id) == number
        ? []
        : [new EditorialNote($"Номер «{number}» повторяется в тексте; в идентификаторе нормы он записан как «{LastNumber(id)}».")];

    public void AddText(string paragraph)
    {
        OwnParagraphs.Add(paragraph);
        for (var draft = this; draft is not null; draft = draft.Parent)
        {
            draft.Paragraphs.Add(paragraph);
        }
    }

    /// <summary>
    /// A part's number as its id will carry it: a number printed twice in one norm (a second «1.» in an
    /// unnumbered tail) gets «_2», «_3» in order, so that ids stay unique and stable across runs.
    /// </summary>
    public string UniquePartNumber(string number) => UniqueNumber(partNumbers, number);

    public static string UniqueNumber(HashSet<string> taken, string number)
    {
        if (taken.Add(number))
        {
            return number;
        }

        for (var occurrence = 2; ; occurrence++)
        {
            var candidate = $"{number}_{occurrence}";
            if (taken.Add(candidate))
            {
                return candidate;
            }
        }
    }

    private static string? LastNumber(NormId id) => id.Subpoint ?? id.Point ?? id.Article;

    public Norm ToNorm(string actId, Language language, DateOnly? citedAt)
    {
        var parts = Parts.Select(part => part.ToNorm(actId, language, citedAt)).ToArray();
        var ownReferences = OwnParagraphs.Count == 0
            ? []
            : CrossReferences.Find(string.Join('\n', OwnParagraphs), actId, language, citedAt);
        return new Norm
        {
            Id = Id,
            Kind = Kind,
            Number = Number,
            Heading = string.IsNullOrWhiteSpace(Heading) ? null : Heading,
            Text = string.Join('\n', Paragraphs),
            Path = Path,
            Status = Status,
            Footnotes = Footnotes.ToArray(),
            EditorialNotes = EditorialNotes.ToArray(),
            References = [.. ownReferences, .. parts.SelectMany(part => part.References)],
            Parts = parts,
        };
    }
}
