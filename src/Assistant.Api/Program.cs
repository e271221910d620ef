using Assistant.Api.Endpoints;
using Assistant.Api.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddRagLegalConfiguration();
builder.AddRagLegalLogging();
builder.Services.AddRagLegalServices(builder.Configuration);

var app = builder.Build();
app.UseRagLegalPipeline();
app.MapHealthEndpoints();
app.MapCatalogEndpoints();
app.MapOpenApi("/openapi/{documentName}.json");
app.Run();

/// <summary>The API's entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
