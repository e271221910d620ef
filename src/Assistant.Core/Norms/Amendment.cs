namespace Assistant.Core.Norms;

/// <summary>What an amending law did to a norm, as its footnote says.</summary>
public enum AmendmentAction
{
    /// <summary>«с изменениями», «өзгерістер енгізілді».</summary>
    Changed,

    /// <summary>«дополнена», «толықтырылды».</summary>
    Supplemented,

    /// <summary>«в редакции», «изложена», «редакцияда».</summary>
    Restated,

    /// <summary>«исключена», «утратила силу», «алып тасталды».</summary>
    Repealed,
}

/// <summary>One amending law named in a norm's «Сноска.» footnote: the norm's amendment history is a list of these.</summary>
/// <param name="Law">The law as named («Законом РК от 04.05.2020 № 321-VІ»).</param>
/// <param name="Actions">What it did; empty when the footnote does not say.</param>
/// <param name="InForceOn">The date it entered into force, when the footnote gives one («вводится в действие с 01.07.2023»).</param>
/// <param name="InForce">The footnote's words on entry into force, when it has any («по истечении десяти календарных дней…»).</param>
public sealed record Amendment(string Law, DateOnly? AdoptedOn, string? Number, IReadOnlyList<AmendmentAction> Actions, DateOnly? InForceOn, string? InForce);
