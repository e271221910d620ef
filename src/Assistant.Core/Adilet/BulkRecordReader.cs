using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Assistant.Core.Acts;

namespace Assistant.Core.Adilet;

/// <summary>
/// Reads bulk JSONL files (plain or gzip) of acts, one record per line: <c>{"id","lang","title","status"?,"edition"?,"text"}</c>.
/// Streams line by line, so a file never sits in memory whole; a bad line yields an error entry and reading goes on.
/// </summary>
public static class BulkRecordReader
{
    /// <summary>Reads a <c>.jsonl</c> or <c>.jsonl.gz</c> file; sources are named «file-name#record-id».</summary>
    public static IEnumerable<BulkEntry> ReadFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return ReadFileLines(path);
    }

    /// <summary>Reads records from a stream of JSONL text (already decompressed).</summary>
    /// <param name="sourceName">The file name sources are prefixed with.</param>
    public static IEnumerable<BulkEntry> Read(Stream stream, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        return ReadLines(stream, sourceName);
    }

    /// <summary>Reads one record line.</summary>
    public static BulkEntry ReadRecord(string json, string sourceName, int line)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return new BulkEntry(line, ParseRecord(json, sourceName, line), null);
        }
        catch (AdiletFormatException error)
        {
            return new BulkEntry(line, null, error);
        }
    }

    private static IEnumerable<BulkEntry> ReadFileLines(string path)
    {
        using var file = File.OpenRead(path);
        using var stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(file, CompressionMode.Decompress)
            : (Stream)file;
        foreach (var entry in ReadLines(stream, Path.GetFileName(path)))
        {
            yield return entry;
        }
    }

    private static IEnumerable<BulkEntry> ReadLines(Stream stream, string sourceName)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (!string.IsNullOrWhiteSpace(line))
            {
                yield return ReadRecord(line, sourceName, number);
            }
        }
    }

    private static Act ParseRecord(string json, string sourceName, int line)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException error)
        {
            throw new AdiletFormatException(sourceName, line, $"bad JSON: {error.Message}", error);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new AdiletFormatException(sourceName, line, "a record must be a JSON object");
            }

            var id = Text(root, "id");
            if (string.IsNullOrWhiteSpace(id))
            {
                throw new AdiletFormatException(sourceName, line, "the record has no \"id\"");
            }

            var source = $"{sourceName}#{id}";
            var text = Text(root, "text") ?? throw new AdiletFormatException(sourceName, line, $"record {id} has no \"text\"");
            var language = LanguageCodes.TryParse(Text(root, "lang"), out var code) ? code : ScriptLanguage.Detect(text);
            var title = Text(root, "title")?.Trim() ?? string.Empty;
            var edition = Text(root, "edition");

            // Older editions of the codes (ru-acts-2024) are keyed by their own ids; the catalog knows them by Adilet code.
            var known = edition is null ? null : KnownActs.MatchTitle(title, edition);
            var registration = known is null ? BulkTitle.Registration(title) : null;
            var act = new Act
            {
                Id = known?.Id ?? id,
                Language = language,
                Title = title,
                Kind = known?.Kind ?? ActKind.Unknown,
                AdoptedOn = registration?.AdoptedOn,
                Number = registration?.Number,
                Status = StatusOf(Text(root, "status")),
                Edition = edition,
                Source = source,
                Norms = [],
            };
            try
            {
                return AdiletTextParser.ParseBody(text, act);
            }
            catch (AdiletFormatException error)
            {
                throw new AdiletFormatException(sourceName, line, $"record {id}: {error.Reason}", error);
            }
        }
    }

    private static ActStatus StatusOf(string? status) => status switch
    {
        "in_force" => ActStatus.InForce,
        "expired" => ActStatus.Expired,
        "repealed" => ActStatus.Repealed,
        _ => ActStatus.Unknown,
    };

    private static string? Text(JsonElement record, string name) =>
        record.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
