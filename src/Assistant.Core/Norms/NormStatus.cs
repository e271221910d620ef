namespace Assistant.Core.Norms;

public enum NormStatus
{
    Active,

    /// <summary>«исключен(а)» / «алып тасталды»: kept so that its id and history stay addressable.</summary>
    Excluded,
}
