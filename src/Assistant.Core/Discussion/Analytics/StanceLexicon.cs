namespace Assistant.Core.Discussion.Analytics;

/// <summary>
/// General stance expressions of Russian and Kazakh comments, never topic words: «поддерживаю» is a cue, «тариф» is
/// not, so the lexicon serves any draft. Both languages are read in every comment, as commenters mix them
/// («қарсымын, отменить надо»). Cues and weights were set on the tune split of eval/comments only: every cue is
/// attested there, or is a plain grammatical variant of one that is («поддержу», «отмените», «однако»).
/// </summary>
internal static class StanceLexicon
{
    /// <summary>Words before a cue that turn it («не поддерживаю», «не против»).</summary>
    public static IReadOnlySet<string> RussianNegators { get; } = new HashSet<string>(["не", "нисколько"], StringComparer.Ordinal);

    /// <summary>Words allowed between a Russian negator and its cue («не совсем согласен»).</summary>
    public static IReadOnlySet<string> Softeners { get; } = new HashSet<string>(["очень", "совсем", "вполне", "полностью", "особо"], StringComparer.Ordinal);

    /// <summary>The Kazakh negator follows what it denies («дұрыс емес»); verbs are negated inside the word instead.</summary>
    public const string KazakhNegator = "емес";

    /// <summary>Longest first, so that «давно пора» is read before any single word of it.</summary>
    public static IReadOnlyList<StanceCue> Cues { get; } = Build();

    private static List<StanceCue> Build()
    {
        List<StanceCue> cues =
        [
            // Russian support.
            StanceCue.Of("поддержива*", CueKind.Support),
            StanceCue.Of("подержива*", CueKind.Support),
            StanceCue.Of("поддержу", CueKind.Support),
            StanceCue.Of("одобр*", CueKind.Support),
            StanceCue.Of("давно пора", CueKind.Support, 1.5),
            StanceCue.Of("наконец*", CueKind.Support, 0.7),
            StanceCue.Of("правильн*", CueKind.Support),
            StanceCue.Of("хорош*", CueKind.Support, 0.7),
            StanceCue.Of("лучш*", CueKind.Support, 0.5),
            StanceCue.Of("спасибо", CueKind.Support, 0.7),
            StanceCue.Of("нужн* мер*", CueKind.Support),
            StanceCue.Of("очень нужн*", CueKind.Support),
            StanceCue.Of("соглас*", CueKind.Support, 0.7),
            StanceCue.Of("нормальн* решени*", CueKind.Support),
            StanceCue.Of("гениальн*", CueKind.Support, 0.5),
            StanceCue.Of("шикарн*", CueKind.Support, 0.5),

            // Russian opposition.
            StanceCue.Of("против", CueKind.Oppose),
            StanceCue.Of("несоглас*", CueKind.Oppose),
            StanceCue.Of("отменить", CueKind.Oppose),
            StanceCue.Of("отмените", CueKind.Oppose),
            StanceCue.Of("отклонить", CueKind.Oppose),
            StanceCue.Of("уберите", CueKind.Oppose),
            StanceCue.Of("абсурд*", CueKind.Oppose),
            StanceCue.Of("издевательств*", CueKind.Oppose),
            StanceCue.Of("плох*", CueKind.Oppose, 0.7),
            StanceCue.Of("худш*", CueKind.Oppose),
            StanceCue.Of("перебор", CueKind.Oppose),
            StanceCue.Of("не соразмерн*", CueKind.Oppose),
            StanceCue.Of("несоразмерн*", CueKind.Oppose),
            StanceCue.Of("слишком", CueKind.Oppose, 0.5),
            StanceCue.Of("лишн*", CueKind.Oppose, 0.5),
            StanceCue.Of("убьет", CueKind.Oppose, 0.7),
            StanceCue.Of("ударит", CueKind.Oppose, 0.7),

            // Kazakh support.
            StanceCue.Of("қолдай*", CueKind.Support),
            StanceCue.Of("құптай*", CueKind.Support),
            StanceCue.Of("дұрыс", CueKind.Support),
            StanceCue.Of("жақсы", CueKind.Support, 0.7),
            StanceCue.Of("керемет", CueKind.Support, 0.7),
            StanceCue.Of("рахмет", CueKind.Support, 0.7),
            StanceCue.Of("әділ", CueKind.Support, 0.7),
            StanceCue.Of("әлдеқашан керек", CueKind.Support, 1.5),
            StanceCue.Of("керек еді", CueKind.Support, 0.7),
            StanceCue.Of("қажет*", CueKind.Support, 0.5),

            // Kazakh opposition.
            StanceCue.Of("қарсы*", CueKind.Oppose),
            StanceCue.Of("келіспей*", CueKind.Oppose),
            StanceCue.Of("қолдамай*", CueKind.Oppose),
            StanceCue.Of("құптамай*", CueKind.Oppose),
            StanceCue.Of("әділетсіз*", CueKind.Oppose),
            StanceCue.Of("алып таста*", CueKind.Oppose),
            StanceCue.Of("ештеңе", CueKind.Oppose, 0.7),
            StanceCue.Of("күлкілі", CueKind.Oppose, 0.7),
            StanceCue.Of("жаман", CueKind.Oppose, 0.7),
            StanceCue.Of("тым", CueKind.Oppose, 0.5),
            StanceCue.Of("артық", CueKind.Oppose, 0.4),
            StanceCue.Of("құртады", CueKind.Oppose, 0.7),
            StanceCue.Of("жарамайды", CueKind.Oppose, 0.7),

            // Irony: praise in an ironic comment is read as its opposite.
            StanceCue.Of("ну конечно", CueKind.Irony),
            StanceCue.Of("ну супер", CueKind.Irony),
            StanceCue.Of("ну давайте", CueKind.Irony),
            StanceCue.Of("ага", CueKind.Irony),
            StanceCue.Of(CommentTokenizer.Smiley, CueKind.Irony),

            // Contrast: the clause after it weighs more.
            StanceCue.Of("но", CueKind.Contrast),
            StanceCue.Of("однако", CueKind.Contrast),
            StanceCue.Of("зато", CueKind.Contrast),
            StanceCue.Of("бірақ", CueKind.Contrast),
            StanceCue.Of("алайда", CueKind.Contrast),
        ];
        return [.. cues.OrderByDescending(c => c.Parts.Count)];
    }
}
