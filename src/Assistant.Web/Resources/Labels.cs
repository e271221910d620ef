namespace Assistant.Web.Resources;

/// <summary>
/// Every label and message of the app: Russian in Labels.resx (the neutral culture), Kazakh in Labels.kk.resx, read
/// through IStringLocalizer&lt;Labels&gt;.
/// </summary>
public sealed class Labels;
