using Assistant.Core.Answers;
using Assistant.Storage.Retrieval;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;

namespace Assistant.Api.Chat;

/// <summary>The chat's services: the model, the kernel that runs the answer prompt over it, the norms plugin, the answerer and the turns.</summary>
internal static class ChatServices
{
    public static IServiceCollection AddRagLegalChat(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ModelOptions>()
            .Bind(configuration.GetSection(ModelOptions.Section))
            .Validate(model => model.Parallel > 0 && model.QueueLength >= 0 && model.RetryAfterSeconds > 0, "Llm:Parallel and Llm:RetryAfterSeconds must be positive, Llm:QueueLength not negative.")
            .ValidateOnStart();
        services.Configure<AnswerOptions>(configuration.GetSection(AnswerOptions.Section));
        services.AddSingleton<AnswerEngines>();
        services.AddSingleton<INormRetriever, CatalogRetriever>();
        services.AddSingleton<NormsPlugin>();
        services.AddSingleton(provider => AnswerPrompt.Load(Path.GetFullPath(provider.GetRequiredService<IOptions<AnswerOptions>>().Value.PromptsPath, AppContext.BaseDirectory)));
        services.AddSingleton(provider => RewritePrompt.Load(Path.GetFullPath(provider.GetRequiredService<IOptions<AnswerOptions>>().Value.PromptsPath, AppContext.BaseDirectory)));
        services.AddHostedService<AnswerPromptCheck>();
        // One kernel for all turns: it is only read after it is built (no plugin is added later), which makes sharing it safe.
        services.AddSingleton(provider => AnswerKernel(
            provider.GetRequiredService<AnswerEngines>().Chat,
            provider.GetRequiredService<NormsPlugin>(),
            provider.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton(provider => new GroundedAnswerer(
            provider.GetRequiredService<INormRetriever>(),
            provider.GetRequiredService<Kernel>(),
            provider.GetRequiredService<AnswerPrompt>(),
            provider.GetRequiredService<IOptions<AnswerOptions>>().Value,
            provider.GetRequiredService<IOptions<AnswerOptions>>().Value.RewriteQuestions
                ? new QuestionRewriter(provider.GetRequiredService<Kernel>(), provider.GetRequiredService<RewritePrompt>())
                : null));
        services.AddSingleton(provider => new ModelQueue(
            provider.GetRequiredService<AnswerEngines>().Chat is null ? null : provider.GetRequiredService<IOptions<ModelOptions>>().Value,
            provider.GetRequiredService<ILogger<ModelQueue>>()));
        services.AddSingleton<ChatTurns>();
        return services;
    }

    /// <summary>The kernel answers run on: the chat model, if one is loaded, and the norms plugin.</summary>
    internal static Kernel AnswerKernel(IChatClient? chat, NormsPlugin norms, ILoggerFactory loggers)
    {
        var kernel = Kernel.CreateBuilder();
        kernel.Services.AddSingleton(loggers);
        if (chat is not null)
        {
            // Runs the kernel's functions when the model asks for them, where a prompt's settings offer them (function_choice_behavior).
            kernel.Services.AddSingleton(chat.AsBuilder().UseKernelFunctionInvocation(loggers).Build());
        }

        kernel.Plugins.AddFromObject(norms, NormsPlugin.Name);
        return kernel.Build();
    }

    /// <summary>Loads the answer templates as the API starts, so that a broken one stops it naming the file, not the first question.</summary>
    private sealed class AnswerPromptCheck(IServiceProvider services) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            services.GetRequiredService<AnswerPrompt>();
            services.GetRequiredService<RewritePrompt>();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
