namespace Assistant.Web.Hosting;

/// <summary>The "Web" section: where the API is, and where this app keeps its cookie keys.</summary>
public sealed class WebOptions
{
    public const string Section = "Web";

    /// <summary>The API's base address; the app calls it on the signed-in person's behalf.</summary>
    public Uri ApiUrl { get; set; } = new("http://127.0.0.1:5080");

    /// <summary>Data-protection keys, kept so that sign-ins survive a restart.</summary>
    public string KeysPath { get; set; } = "data/web-keys";
}
