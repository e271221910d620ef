namespace Assistant.Core.Drafts;

/// <summary>What an amendment instruction does, one kind per official formula.</summary>
public enum OperationKind
{
    /// <summary>«изложить в следующей редакции» / «мынадай редакцияда жазылсын».</summary>
    Replace,

    /// <summary>«дополнить пунктом 1-1 следующего содержания» / «мынадай мазмұндағы 1-1-тармақпен толықтырылсын».</summary>
    Insert,

    /// <summary>«исключить» / «алып тасталсын».</summary>
    Exclude,

    /// <summary>«признать утратившим силу» / «күші жойылды деп танылсын».</summary>
    Repeal,

    /// <summary>«слова «X» заменить словами «Y»» / ««X» деген сөздер «Y» деген сөздермен ауыстырылсын».</summary>
    ReplaceWords,

    /// <summary>«слова «X» исключить» / ««X» деген сөздер алып тасталсын».</summary>
    ExcludeWords,

    /// <summary>«после слов «X» дополнить словами «Y»» / ««X» деген сөздерден кейін «Y» деген сөздермен толықтырылсын».</summary>
    InsertWordsAfter,

    /// <summary>«дополнить словами «Y»» / ««Y» деген сөздермен толықтырылсын»: at the end of the target.</summary>
    AppendWords,
}
