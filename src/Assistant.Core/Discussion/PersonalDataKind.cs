namespace Assistant.Core.Discussion;

/// <summary>The kinds of personal data masked in a comment before it is published.</summary>
public enum PersonalDataKind
{
    /// <summary>An individual identification number: twelve digits.</summary>
    Iin,

    Phone,

    Email,

    /// <summary>A name the writer gives after «меня зовут» / «менің атым».</summary>
    Name,
}
