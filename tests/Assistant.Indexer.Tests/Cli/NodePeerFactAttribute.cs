using Assistant.Tests.Support;

namespace Assistant.Indexer.Tests.Cli;

/// <summary>
/// A fact that runs a node benchmark peer: the peers are optional (the build and the tests need no node), so it is
/// skipped where node or npm is not on PATH, and otherwise follows <see cref="SharedFactAttribute"/>'s rule.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class NodePeerFactAttribute : FactAttribute
{
    public NodePeerFactAttribute()
    {
        if (!SharedData.IsAvailable && !SharedData.IsRequired)
        {
            Skip = SharedData.MissingMessage;
        }
        else if (!OnPath("node") || !OnPath("npm"))
        {
            Skip = "The node benchmark peer needs node and npm on PATH.";
        }
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, program)));
}
