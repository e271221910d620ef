namespace Assistant.Tests.Support;

/// <summary>
/// Locates ../shared (corpus, eval, models) beside the repository. Tests that need it use
/// <see cref="SharedFactAttribute"/>: they skip with a message when it is absent, unless
/// RAGLEGAL_REQUIRE_SHARED=1 demands it, as CI does.
/// </summary>
internal static class SharedData
{
    private static readonly Lazy<string?> Root = new(FindRoot);

    public static bool IsRequired => Environment.GetEnvironmentVariable("RAGLEGAL_REQUIRE_SHARED") == "1";

    public static bool IsAvailable => Root.Value is not null;

    public static string Path(params string[] parts)
    {
        var root = Root.Value ?? throw new InvalidOperationException(MissingMessage);
        return System.IO.Path.Combine([root, .. parts]);
    }

    public static string MissingMessage =>
        "../shared (corpus, eval, models) was not found beside the repository; set RAGLEGAL_SHARED to its path.";

    private static string? FindRoot()
    {
        var configured = Environment.GetEnvironmentVariable("RAGLEGAL_SHARED");
        if (!string.IsNullOrEmpty(configured))
        {
            return Directory.Exists(configured) ? configured : null;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared");
            if (dir.GetFiles("RagLegal.sln").Length > 0)
            {
                candidate = System.IO.Path.Combine(dir.Parent?.FullName ?? dir.FullName, "shared");
                return Directory.Exists(System.IO.Path.Combine(candidate, "corpus")) ? candidate : null;
            }
        }

        return null;
    }
}

/// <summary>A fact over ../shared data: skipped when it is absent, failed when RAGLEGAL_REQUIRE_SHARED=1.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class SharedFactAttribute : FactAttribute
{
    public SharedFactAttribute()
    {
        if (!SharedData.IsAvailable && !SharedData.IsRequired)
        {
            Skip = SharedData.MissingMessage;
        }
    }
}

/// <summary>A theory over ../shared data, with the same skip rule as <see cref="SharedFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class SharedTheoryAttribute : TheoryAttribute
{
    public SharedTheoryAttribute()
    {
        if (!SharedData.IsAvailable && !SharedData.IsRequired)
        {
            Skip = SharedData.MissingMessage;
        }
    }
}
