namespace Assistant.Core.Acts;

/// <summary>The page of an act on adilet.zan.kz, the official register, in the language asked for.</summary>
public static class AdiletPage
{
    public static Uri Of(string actId, Language language) =>
        new($"https://adilet.zan.kz/{(language == Language.Kk ? "kaz" : "rus")}/docs/{Uri.EscapeDataString(actId)}");
}
