namespace Assistant.Tests.Support;

/// <summary>Folders of this repository, found from a test's output directory.</summary>
internal static class RepositoryFolders
{
    /// <summary>The repository's root, where RagLegal.sln is.</summary>
    public static string Repository => Root();

    /// <summary>The acts the run command ingests: the codes, constitutions and laws a newcomer asks about first.</summary>
    public static string Samples => Path.Combine(Root(), "samples");

    /// <summary>Two short real acts (AI policy) that most tests ingest, small enough to ingest per test class.</summary>
    public static string TestActs => Path.Combine(Root(), "tests", "Support", "Acts");

    /// <summary>The consolidation dev set: drafts written from the 2024 and 2026 editions of three codes.</summary>
    public static string DraftDevSet => Path.Combine(Root(), "eval", "drafts", "dev");

    /// <summary>The labelled public comments on draft laws: tune.jsonl and the held-out test.jsonl.</summary>
    public static string CommentSet => Path.Combine(Root(), "eval", "comments");

    /// <summary>The retrieval dev set: questions as users ask them with their gold articles, train.jsonl and the held-out heldout.jsonl.</summary>
    public static string RetrievalSet => Path.Combine(Root(), "eval", "retrieval");

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RagLegal.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("RagLegal.sln not found above the test output directory.");
    }
}
