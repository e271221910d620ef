using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text.Json;
using System.Text.Json.Serialization;
using Assistant.Core.Vectors;

namespace Assistant.Storage.Vectors;

/// <summary>
/// What the index is: its shape and its segments, oldest first. Replaced as a whole (temporary file, flush, rename),
/// so readers and a restart after a crash see either the previous manifest or the new one.
/// </summary>
internal sealed record IndexManifest(
    int Format, long Generation, int NextSegment, int Dimensions, string Model, VectorElementType ElementType, IReadOnlyList<SegmentFile> Segments)
{
    public const string FileName = "MANIFEST";
    public const int CurrentFormat = 1;

    [JsonIgnore]
    public VectorIndexShape Shape => new(Dimensions, Model);

    public static IndexManifest Create(VectorIndexShape shape, VectorElementType elementType) =>
        new(CurrentFormat, 1, 1, shape.Dimensions, shape.Model, elementType, []);

    public const string SegmentPrefix = "segment-";
    public const string SegmentExtension = ".vseg";

    public static string SegmentName(int number) => $"{SegmentPrefix}{number:D6}{SegmentExtension}";

    public IndexManifest Next(IReadOnlyList<SegmentFile> segments, int nextSegment) =>
        this with { Generation = Generation + 1, Segments = segments, NextSegment = nextSegment };

    /// <returns>Null when the folder holds no manifest (an index never created).</returns>
    /// <exception cref="InvalidDataException">The manifest is damaged or of another format.</exception>
    public static IndexManifest? Read(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        var bytes = File.ReadAllBytes(path);
        var body = bytes.AsSpan(0, Math.Max(0, bytes.Length - SegmentLayout.ChecksumBytes));
        if (bytes.Length < SegmentLayout.ChecksumBytes
            || XxHash3.HashToUInt64(body) != BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(body.Length)))
        {
            throw new InvalidDataException($"Vector index manifest '{path}' is damaged: its checksum does not match.");
        }

        IndexManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize(body, ManifestJson.Default.IndexManifest);
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"Vector index manifest '{path}' is not readable: {exception.Message}", exception);
        }

        if (manifest is null || manifest.Format != CurrentFormat || manifest.Segments is null || manifest.Dimensions <= 0)
        {
            throw new InvalidDataException($"Vector index manifest '{path}' is of format {manifest?.Format}; this version reads format {CurrentFormat}.");
        }

        return manifest;
    }

    public void Write(string folder)
    {
        using var writer = new HashingFileWriter(Path.Combine(folder, FileName));
        writer.Write(JsonSerializer.SerializeToUtf8Bytes(this, ManifestJson.Default.IndexManifest));
        writer.Commit();
    }
}
