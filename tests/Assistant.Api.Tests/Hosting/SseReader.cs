using System.Text.Json;

namespace Assistant.Api.Tests.Hosting;

/// <summary>One Server-Sent Event: its type and its JSON data.</summary>
public sealed record SseEvent(string Type, JsonElement Data);

/// <summary>Reads a text/event-stream response event by event, as a browser's EventSource would.</summary>
public static class SseReader
{
    public static async IAsyncEnumerable<SseEvent> ReadAsync(HttpResponseMessage response, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        string? type = null;
        var data = new List<string>();
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (data.Count > 0)
                {
                    using var json = JsonDocument.Parse(string.Join('\n', data));
                    yield return new SseEvent(type ?? "message", json.RootElement.Clone());
                }

                type = null;
                data.Clear();
            }
            else if (line.StartsWith("event:", StringComparison.Ordinal))
            {
                type = line["event:".Length..].Trim();
            }
            else if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                data.Add(line["data:".Length..].TrimStart());
            }
        }
    }

    public static async Task<List<SseEvent>> ReadAllAsync(HttpResponseMessage response)
    {
        var events = new List<SseEvent>();
        await foreach (var item in ReadAsync(response))
        {
            events.Add(item);
        }

        return events;
    }
}
