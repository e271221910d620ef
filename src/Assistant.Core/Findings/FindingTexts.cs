namespace Assistant.Core.Findings;

/// <summary>The report's Russian labels for what the findings' codes name.</summary>
public static class FindingTexts
{
    public static string Kind(FindingKind kind) => kind switch
    {
        FindingKind.Duplicate => "Дублирование норм",
        FindingKind.Conflict => "Противоречия",
        FindingKind.Gap => "Пробелы: не принят подзаконный акт",
        FindingKind.BrokenReference => "Неработающие ссылки",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string Priority(FindingPriority priority) => priority switch
    {
        FindingPriority.High => "высокий",
        FindingPriority.Medium => "средний",
        FindingPriority.Low => "низкий",
        _ => throw new ArgumentOutOfRangeException(nameof(priority), priority, null),
    };

    public static string Status(FindingStatus status) => status switch
    {
        FindingStatus.New => "не рассмотрена",
        FindingStatus.Confirmed => "подтверждена",
        FindingStatus.Dismissed => "отклонена",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>What the second column of a finding holds: the other norm, the reference's target, or the closest act.</summary>
    public static string OtherSide(FindingKind kind) => kind switch
    {
        FindingKind.Gap => "Ближайший акт в каталоге",
        FindingKind.BrokenReference => "Что в каталоге по ссылке",
        _ => "Вторая норма",
    };

    public static string Channel(DemandChannel channel) => channel == DemandChannel.Portal ? "портал" : "чат";
}
