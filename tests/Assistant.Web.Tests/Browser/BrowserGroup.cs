using Assistant.Web.Tests.Hosting;

namespace Assistant.Web.Tests.Browser;

/// <summary>The browser tests share one API + web app and one Chromium: starting them costs more than the tests.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserGroup : ICollectionFixture<WebAndApi>, ICollectionFixture<Chromium>
{
    public const string Name = "browser";
}
