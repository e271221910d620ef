using Assistant.Core.Editions;
using Assistant.Core.Norms;

namespace Assistant.Core.Changes;

/// <summary>
/// Compares two editions of an act norm by norm: a norm in both whose comparable text differs is changed, one
/// excluded in the newer edition is repealed, one only in the newer is added, and one that moved to another number
/// with its text unchanged is renumbered. Formatting alone (see <see cref="ComparableText"/>) is no change.
/// </summary>
public static class EditionComparison
{
    public static ChangeReport Compare(EditionText from, EditionText to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var before = from.Norms.GroupBy(Key).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var after = to.Norms.GroupBy(Key).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        // A norm gone from one number and found, word for word, under another was renumbered.
        var gone = before.Where(pair => !after.ContainsKey(pair.Key) && pair.Value.Status == NormStatus.Active)
            .GroupBy(pair => ComparableText.Key(Comparable(pair.Value)), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
        var renumbered = new HashSet<string>(StringComparer.Ordinal);

        var changes = new List<NormChange>();
        foreach (var norm in to.Norms)
        {
            var key = Key(norm);
            if (after[key] != norm)
            {
                continue;
            }

            var text = Comparable(norm);
            if (!before.TryGetValue(key, out var old))
            {
                if (norm.Status == NormStatus.Active && gone.Remove(ComparableText.Key(text), out var moved))
                {
                    renumbered.Add(Key(moved));
                    changes.Add(new NormChange(norm.Id.ToString(), norm.Number, ChangeKind.Renumbered, Redline.Between(text, text), moved.Number));
                }
                else if (norm.Status == NormStatus.Active)
                {
                    changes.Add(new NormChange(norm.Id.ToString(), norm.Number, ChangeKind.Added, Redline.Between(string.Empty, text)));
                }

                continue;
            }

            var oldText = Comparable(old);
            if (norm.Status == NormStatus.Excluded && old.Status == NormStatus.Active)
            {
                changes.Add(new NormChange(norm.Id.ToString(), norm.Number, ChangeKind.Repealed, Redline.Between(oldText, text)));
            }
            else if (norm.Status == NormStatus.Active && !string.Equals(ComparableText.Key(oldText), ComparableText.Key(text), StringComparison.Ordinal))
            {
                changes.Add(new NormChange(norm.Id.ToString(), norm.Number, ChangeKind.Changed, Redline.Between(oldText, text)));
            }
        }

        foreach (var (key, old) in before)
        {
            if (!after.ContainsKey(key) && !renumbered.Contains(key) && old.Status == NormStatus.Active)
            {
                changes.Add(new NormChange(old.Id.ToString(), old.Number, ChangeKind.Repealed, Redline.Between(Comparable(old), string.Empty)));
            }
        }

        return new ChangeReport(to.ActId, from.Edition, to.Edition, changes);
    }

    /// <summary>The norm's place in the act whatever the act's id: «annex:1/art:93», «art:93».</summary>
    private static string Key(Norm norm)
    {
        var id = norm.Id.ToString();
        return id[(norm.Id.ActId.Length + 1)..];
    }

    private static string Comparable(Norm norm) => ComparableText.Of(norm.Heading, norm.Text);
}
