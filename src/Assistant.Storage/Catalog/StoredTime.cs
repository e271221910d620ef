using System.Globalization;

namespace Assistant.Storage.Catalog;

/// <summary>
/// Instants as stored in the catalog: UTC in the round-trip format, whose fixed width makes text order time order,
/// so SQL compares and sorts them as strings.
/// </summary>
internal static class StoredTime
{
    public static string Format(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string stored) => DateTimeOffset.Parse(stored, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
