using System.Text.Json.Serialization;

namespace Assistant.Storage.Vectors;

[JsonSourceGenerationOptions(WriteIndented = true, UseStringEnumConverter = true)]
[JsonSerializable(typeof(IndexManifest))]
internal sealed partial class ManifestJson : JsonSerializerContext;
