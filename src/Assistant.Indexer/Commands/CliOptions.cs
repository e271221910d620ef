using System.CommandLine;
using Assistant.Core.Access;
using Assistant.Core.Acts;
using Assistant.Core.Retrieval;

namespace Assistant.Indexer.Commands;

/// <summary>Options shared by several commands.</summary>
internal static class CliOptions
{
    /// <summary>The catalog database; recursive so that every command accepts it.</summary>
    public static Option<string?> Database { get; } = new("--db")
    {
        Description = "Catalog database file (default: Catalog:Path from appsettings.json / RAGLEGAL_Catalog__Path, else data/raglegal.db)",
        Recursive = true,
    };

    /// <summary>A required --role: deputy, expert, moderator or admin.</summary>
    public static Option<AccessRole> Role(string description) => new("--role")
    {
        Description = $"{description}: {AccessRoles.Listed}",
        HelpName = "deputy|expert|moderator|admin",
        Required = true,
        CustomParser = result =>
        {
            var token = result.Tokens.Single().Value;
            if (AccessRoles.TryParse(token, out var parsed))
            {
                return parsed;
            }

            result.AddError($"--role must be {AccessRoles.Listed}, not '{token}'.");
            return default;
        },
    };

    public static Option<bool> Json() => new("--json") { Description = "Print one JSON document instead of text" };

    public static Option<int> Top(int defaultValue) => new("--top")
    {
        Description = "How many norms to return",
        DefaultValueFactory = _ => defaultValue,
    };

    public static Option<Language?> Lang(string name = "--lang", string description = "Only norms in this language: ru or kk") => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            var token = result.Tokens.Single().Value;
            if (LanguageCodes.TryParse(token, out var language))
            {
                return language;
            }

            result.AddError($"{name} must be 'ru' or 'kk', not '{token}'.");
            return null;
        },
    };

    public static Option<RetrievalMode?> Mode() => new("--mode")
    {
        Description = "lexical, dense or hybrid (dense and hybrid need vectors from 'indexer embed'; default lexical)",
        CustomParser = result =>
        {
            var token = result.Tokens.Single().Value;
            if (RetrievalModes.TryParse(token, out var mode))
            {
                return mode;
            }

            result.AddError($"--mode must be lexical, dense or hybrid, not '{token}'.");
            return null;
        },
    };

    public static Option<string?> Model() => new("--model")
    {
        Description = "Embedding model folder (default: Embeddings:Model, models/embed/default)",
    };

    public static Option<string?> Thesaurus() => new("--thesaurus")
    {
        Description = "Thesaurus file the question is expanded with, or none (default: Retrieval:Thesaurus, the one beside the indexer)",
    };

    public static Option<string?> Reranker() => new("--reranker")
    {
        Description = "Re-ranker folder the first rankers' hits are re-ordered by, or none (default: Retrieval:Reranker, the one beside the indexer when present)",
    };
}
