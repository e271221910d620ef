namespace Assistant.Api.Security;

/// <summary>Text for a quoted header parameter: reasons may echo a forged token, and Kestrel refuses non-ASCII headers.</summary>
internal static class HeaderText
{
    public static string Quoted(string text) =>
        string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = source[i] switch
                {
                    '"' or '\\' => '\'',
                    >= ' ' and <= '~' => source[i],
                    _ => '?',
                };
            }
        });
}
