using Assistant.Core.Acts;

namespace Assistant.Storage.Findings;

/// <summary>How many references of norms of current editions point at each top-level norm, and which acts refer to each act.</summary>
public sealed class InboundReferences
{
    private readonly Dictionary<(string, Language), int> _byNorm;
    private readonly Dictionary<string, HashSet<string>> _referrers;

    private InboundReferences(Dictionary<(string, Language), int> byNorm, Dictionary<string, HashSet<string>> referrers)
    {
        _byNorm = byNorm;
        _referrers = referrers;
    }

    public static InboundReferences Read(FindingCorpus corpus)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var byNorm = new Dictionary<(string, Language), int>();
        var referrers = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (from, language, target, topLevel) in corpus.References())
        {
            if (topLevel is not null)
            {
                byNorm[(topLevel, language)] = byNorm.GetValueOrDefault((topLevel, language)) + 1;
            }

            if (from != target)
            {
                if (!referrers.TryGetValue(target, out var set))
                {
                    referrers[target] = set = new HashSet<string>(StringComparer.Ordinal);
                }

                set.Add(from);
            }
        }

        return new InboundReferences(byNorm, referrers);
    }

    /// <summary>References to the top-level norm (its points and subpoints included) from norms in the language.</summary>
    public int To(string topLevelNorm, Language language) => _byNorm.GetValueOrDefault((topLevelNorm, language));

    /// <summary>The other acts whose norms refer to the act.</summary>
    public IReadOnlySet<string> ReferrersOf(string actId) => _referrers.GetValueOrDefault(actId) ?? (IReadOnlySet<string>)new HashSet<string>();
}
