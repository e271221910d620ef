using System.Collections.Concurrent;
using System.Text;
using Assistant.Api.Chat;
using Assistant.Core.Acts;
using Assistant.Core.Discussion.Analytics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace Assistant.Api.Discussion;

/// <summary>
/// Names and summarises topics with the chat model, when one is loaded: the first line it writes is the name, the
/// rest the summary. Without a model key terms stand. Names are kept per topic (its stance, language and comments),
/// so a page shown again does not ask again; at most Discussion:NamedTopics topics are named per request.
/// </summary>
internal sealed partial class TopicNames(AnswerEngines engines, IOptions<DiscussionOptions> options, ILogger<TopicNames> logger)
{
    private const int MaxName = 80;

    private const int MaxSummary = 400;

    private readonly ConcurrentDictionary<string, TopicName> _named = new(StringComparer.Ordinal);

    /// <summary>The model's file name when topics are named; null when key terms stand.</summary>
    public string? Model => engines.Chat is null || options.Value.NamedTopics == 0 ? null : engines.ModelDetail;

    /// <summary>One request's naming: it may name so many topics not named before, whatever other requests do.</summary>
    public Naming Start() => new(this, options.Value.NamedTopics);

    private async Task<TopicName?> NameAsync(Topic topic, IReadOnlyList<string> examples, Naming naming, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topic);
        if (engines.Chat is not { } chat || options.Value.NamedTopics == 0)
        {
            return null;
        }

        var key = $"{topic.Stance}/{topic.Language}/{string.Join(',', topic.CommentIds)}";
        if (_named.TryGetValue(key, out var known))
        {
            return known;
        }

        if (!naming.Spend())
        {
            return null;
        }

        try
        {
            var response = await chat.GetResponseAsync(
                [new ChatMessage(ChatRole.User, Prompt(topic, examples))],
                new ChatOptions { MaxOutputTokens = 96, Temperature = 0.2f },
                cancellationToken);
            var lines = response.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (lines.Length == 0)
            {
                return null;
            }

            var named = new TopicName(Cut(lines[0], MaxName), lines.Length > 1 ? Cut(string.Join(' ', lines[1..]), MaxSummary) : null);
            _named[key] = named;
            return named;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            NamingFailed(logger, e, topic.Stance, topic.CommentIds.Count);
            return null;
        }
    }

    private static string Prompt(Topic topic, IReadOnlyList<string> examples)
    {
        var kazakh = topic.Language == Language.Kk;
        var stance = (topic.Stance, kazakh) switch
        {
            (Stance.Support, true) => "қолдайды",
            (Stance.Oppose, true) => "қарсы",
            (_, true) => "бейтарап",
            (Stance.Support, _) => "поддерживают",
            (Stance.Oppose, _) => "возражают",
            _ => "нейтральны",
        };
        var text = new StringBuilder(kazakh
            ? $"Азаматтардың заң жобасына пікірлері (позициясы: {stance}). Негізгі сөздер: {string.Join(", ", topic.KeyTerms)}.\n"
            : $"Комментарии граждан к законопроекту (позиция: {stance}). Ключевые слова: {string.Join(", ", topic.KeyTerms)}.\n");
        foreach (var example in examples)
        {
            text.Append("- ").Append(Cut(example, 300)).Append('\n');
        }

        text.Append(kazakh
            ? "Бірінші жолда тақырыпты 2–5 сөзбен ата, екінші жолда бір сөйлеммен түйіндеме жаз."
            : "В первой строке назови тему в 2–5 словах, во второй кратко изложи её суть одним предложением.");
        return text.ToString();
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length].TrimEnd() + "…";

    /// <summary>The topics one request may still have named.</summary>
    public sealed class Naming(TopicNames names, int budget)
    {
        private int _budget = budget;

        public Task<TopicName?> NameAsync(Topic topic, IReadOnlyList<string> examples, CancellationToken cancellationToken) =>
            names.NameAsync(topic, examples, this, cancellationToken);

        internal bool Spend() => Interlocked.Decrement(ref _budget) >= 0;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Naming a {Stance} topic of {Comments} comments failed; its key terms stand")]
    private static partial void NamingFailed(ILogger logger, Exception exception, Stance stance, int comments);
}

/// <summary>A topic's name and summary as the model wrote them.</summary>
internal sealed record TopicName(string Name, string? Summary);
