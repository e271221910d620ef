using Assistant.Api.Chat;
using Assistant.Api.Discussion;
using Assistant.Api.Endpoints;
using Assistant.Api.Forecasts;
using Assistant.Api.Hosting;
using Assistant.Api.OpenAi;
using Assistant.Api.Security;

var builder = WebApplication.CreateBuilder(args);
builder.AddRagLegalConfiguration();
builder.AddRagLegalLogging();
builder.Services.AddRagLegalServices(builder.Configuration);
builder.Services.AddRagLegalSecurity(builder.Configuration);
builder.Services.AddRagLegalChat(builder.Configuration);
builder.Services.AddRagLegalForecasts(builder.Configuration);
builder.Services.AddRagLegalDiscussion(builder.Configuration);

var app = builder.Build();
app.UseRagLegalPipeline();
app.UseRagLegalSecurity();
app.MapHealthEndpoints();
app.MapCatalogEndpoints();
app.MapChatEndpoints();
app.MapConversationEndpoints();
app.MapFeedbackEndpoints();
app.MapOpenAiEndpoints();
app.MapDraftEndpoints();
app.MapForecastEndpoints();
app.MapFindingEndpoints();
app.MapFindingReportEndpoints();
app.MapDiscussionEndpoints();
app.MapOpenApi("/openapi/{documentName}.json");
app.Run();

/// <summary>The API's entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
