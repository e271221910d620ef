namespace Assistant.Core.Editions;

/// <summary>Why a record was taken for an edition of an act.</summary>
public enum IdentityRule
{
    /// <summary>An Adilet text: its file name is the act's code.</summary>
    AdiletCode,

    /// <summary>The bulk title names a code of the Republic («Трудовой кодекс РК») adopted by the edition's date.</summary>
    KnownCode,

    /// <summary>The title is an act's title, abbreviated or not («О правовых актах» = Закон РК «О правовых актах»), of one act of a compatible kind.</summary>
    Title,

    /// <summary>Adopted on the same date under the same number: another language version, or the same act from another source.</summary>
    Registration,

    /// <summary>The same text in the same language under another id: a duplicate record.</summary>
    DuplicateText,
}

public static class IdentityRules
{
    public static string ToCode(this IdentityRule rule) => rule switch
    {
        IdentityRule.AdiletCode => "adilet-code",
        IdentityRule.KnownCode => "known-code",
        IdentityRule.Title => "title",
        IdentityRule.Registration => "registration",
        IdentityRule.DuplicateText => "duplicate-text",
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, null),
    };
}
