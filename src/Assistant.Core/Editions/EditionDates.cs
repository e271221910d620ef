using System.Globalization;

namespace Assistant.Core.Editions;

/// <summary>Edition labels are dates in the sortable form: «2026-01-12», or a month «2024-03» where a source says no more.</summary>
public static class EditionDates
{
    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The last day a label or date names: the day itself, or the month's last day; null when it is no date.</summary>
    public static DateOnly? EndOf(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        return DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
            ? month.AddMonths(1).AddDays(-1)
            : null;
    }

    /// <summary>Reads an «as of» date given by a user («2025-01-01»).</summary>
    /// <exception cref="FormatException">Not a date in that form.</exception>
    public static DateOnly ParseAsOf(string text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new FormatException($"'{text}' is not a date: expected YYYY-MM-DD, e.g. 2025-01-01.");
}
