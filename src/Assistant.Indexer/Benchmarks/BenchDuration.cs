using System.Globalization;

namespace Assistant.Indexer.Benchmarks;

/// <summary>Durations as the load benchmarks take them: 90s, 2m, 10m, 1h, or hh:mm:ss.</summary>
internal static class BenchDuration
{
    public static TimeSpan Parse(string text, string option)
    {
        var value = text.Trim();
        var unit = value.Length > 0 ? value[^1] : ' ';
        if (unit is 's' or 'm' or 'h' && double.TryParse(value[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) && amount > 0)
        {
            return unit switch
            {
                's' => TimeSpan.FromSeconds(amount),
                'm' => TimeSpan.FromMinutes(amount),
                _ => TimeSpan.FromHours(amount),
            };
        }

        return TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero
            ? span
            : throw new Commands.CommandException($"{option} is '{text}'; give a duration such as 90s, 2m, 10m or 00:10:00.");
    }
}
