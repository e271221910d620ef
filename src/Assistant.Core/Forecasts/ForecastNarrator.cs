using System.Text;
using System.Text.Json;
using Assistant.Core.Answers;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;

namespace Assistant.Core.Forecasts;

/// <summary>
/// Writes the consequences by area of a forecast through the forecast prompt (a Semantic Kernel prompt function on the
/// kernel's chat client), then checks the model's JSON: citations of numbers it was not given are removed and
/// reported, items left without a valid citation are dropped. Without a chat client it writes nothing and says so.
/// </summary>
public sealed class ForecastNarrator(Kernel kernel, ForecastPrompt prompt, NarrativeOptions options)
{
    public bool HasModel => kernel.Services.GetService<IChatClient>() is not null;

    public async Task<ForecastNarrative> WriteAsync(Forecast forecast, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        if (kernel.Services.GetService<IChatClient>() is not { } chat)
        {
            return ForecastNarrative.Absent(ForecastNarrative.NoModel);
        }

        var evidence = ForecastEvidence.Of(forecast, options);
        if (evidence.Count == 0)
        {
            return ForecastNarrative.Absent("The consequences by area are not written: the forecast has no finding to rest them on.");
        }

        var text = new StringBuilder();
        var reply = new StreamedReply();
        var arguments = prompt.Arguments(forecast.Title, evidence, options);
        await foreach (var update in kernel.InvokeStreamingAsync<ChatResponseUpdate>(prompt.For(forecast.Language), arguments, cancellationToken).ConfigureAwait(false))
        {
            text.Append(reply.Read(update));
        }

        var first = reply.FirstToken ?? reply.Elapsed;
        var used = new NarrativeUsage(reply.PromptTokens, reply.OutputTokens, first, reply.Elapsed - first);
        var metadata = chat.GetService<ChatClientMetadata>();
        var model = metadata?.DefaultModelId ?? metadata?.ProviderName ?? "unnamed model";
        return Read(text.ToString(), evidence, model, used);
    }

    /// <summary>The model's JSON as a narrative, every citation checked against the findings it was given.</summary>
    internal static ForecastNarrative Read(string json, IReadOnlyList<Evidence> evidence, string model, NarrativeUsage? usage)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            return ForecastNarrative.Absent($"The model's output is not complete JSON after {usage?.OutputTokens ?? 0} tokens (the most it may write: Forecasts:Narrative:MaxTokens, or --max-tokens): the consequences by area are not written.") with { Model = model, Usage = usage };
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return ForecastNarrative.Absent("The model's output is JSON but not an object of areas: the consequences by area are not written.") with { Model = model, Usage = usage };
            }

            var items = new List<NarrativeItem>();
            var removed = new SortedSet<int>();
            var dropped = 0;
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var area = ForecastPrompt.Areas.FirstOrDefault(a => a.Key == property.Name);
                var known = area.Key is not null;
                if (property.Value.ValueKind != JsonValueKind.Array)
                {
                    dropped++;
                    continue;
                }

                foreach (var item in property.Value.EnumerateArray())
                {
                    var text = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()!.Trim() : string.Empty;
                    var cites = new List<NarrativeCitation>();
                    if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("cites", out var numbers) && numbers.ValueKind == JsonValueKind.Array)
                    {
                        foreach (var number in numbers.EnumerateArray())
                        {
                            if (number.ValueKind == JsonValueKind.Number && number.TryGetInt32(out var n) && n >= 1 && n <= evidence.Count)
                            {
                                cites.Add(new NarrativeCitation(n, evidence[n - 1].Text, evidence[n - 1].Norms));
                            }
                            else if (number.ValueKind == JsonValueKind.Number && number.TryGetInt32(out var outside))
                            {
                                removed.Add(outside);
                            }
                        }
                    }

                    if (!known || text.Length == 0 || cites.Count == 0)
                    {
                        dropped++;
                        continue;
                    }

                    items.Add(new NarrativeItem(area.Area, text, [.. cites.DistinctBy(c => c.Number)]));
                }
            }

            return new ForecastNarrative(null, model, items, [.. removed], dropped, usage);
        }
    }
}
