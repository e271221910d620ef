namespace Assistant.Storage.Vectors;

/// <summary>Files written under a temporary name; one left by a crash is never read and is removed on open.</summary>
internal static class TemporaryFiles
{
    public const string Suffix = ".tmp";

    public static bool IsTemporary(string path) => path.EndsWith(Suffix, StringComparison.Ordinal);
}
