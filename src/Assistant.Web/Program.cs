using Assistant.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddRagLegalWeb();

var app = builder.Build();
await app.PrepareAccountsAsync();
app.UseRagLegalWeb();
await app.RunAsync();

/// <summary>The web app's entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
