using Assistant.Core.Acts;
using Assistant.Core.Norms;

namespace Assistant.Core.Findings;

/// <summary>The current edition of an act in one language, as a detector reads it.</summary>
public sealed record FindingAct(string Id, Language Language, string Title, ActKind Kind, ActStatus Status, IReadOnlyList<Norm> Norms)
{
    /// <summary>Repealed or expired: its norms are no longer law, so nothing in it is a finding.</summary>
    public bool IsRepealed => Status is ActStatus.Repealed or ActStatus.Expired;

    /// <summary>
    /// A bill, not law: the bulk corpus files the Government's resolutions «… Заңының жобасы туралы» («О проекте
    /// Закона …») under the kind of the act they propose.
    /// </summary>
    public bool IsBill => ActTitles.IsBill(Title);

    /// <summary>
    /// An amending act: its words live on in the acts it amended, where their delegations and references are read;
    /// its own references name what it amends or repeals, not law it relies on.
    /// </summary>
    public bool IsAmending => ActTitles.IsAmending(Title);
}

/// <summary>What an act's title says of what it is.</summary>
public static class ActTitles
{
    private static readonly string[] BillWords = ["жобасы туралы", "о проекте"];

    /// <summary>Amending acts, and acts enacting a code, whose «настоящего Кодекса» is the code they enact.</summary>
    private static readonly string[] AmendingWords = ["внесении изменени", "внесении дополнени", "о введении в действие", "қолданысқа енгізу"];

    /// <summary>Kazakh amending titles put words between these («… өзгерістер мен толықтырулар енгізу туралы»).</summary>
    private static readonly string[] KazakhAmending = ["өзгеріс", "толықтыру"];

    public static bool IsBill(string title) => BillWords.Any(w => title.Contains(w, StringComparison.OrdinalIgnoreCase));

    private static readonly string[] RepealingWords = ["утратившим силу", "утратившими силу", "күші жойылды"];

    public static bool IsAmending(string title)
    {
        // The bulk corpus often writes the Kazakh «і» as the Latin «i».
        var folded = title.Replace('i', 'і').Replace('I', 'І');
        return AmendingWords.Any(w => folded.Contains(w, StringComparison.OrdinalIgnoreCase))
            || (KazakhAmending.Any(w => folded.Contains(w, StringComparison.OrdinalIgnoreCase)) && folded.Contains("енгізу", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>An act that repeals another («О признании утратившим силу …», «… күші жойылды деп тану туралы»).</summary>
    public static bool IsRepealing(string title) => RepealingWords.Any(w => title.Contains(w, StringComparison.OrdinalIgnoreCase));
}

/// <summary>A resolved reference from a norm of a current edition: to a norm, or to an act as a whole.</summary>
/// <param name="Words">The reference as the norm words it («статьей 10 Закона Республики Казахстан «О правовых актах»»).</param>
/// <param name="Target">The norm it names; null when it names the act as a whole.</param>
public sealed record ResolvedReference(NormId From, Language Language, string Words, string TargetActId, NormId? Target);
