namespace Assistant.Api.Forecasts;

/// <summary>Settings of the forecast jobs (section Forecasts).</summary>
internal sealed class ForecastOptions
{
    /// <summary>Forecasts run at once; the others wait in the queue. Each takes a core while it runs.</summary>
    public int MaxConcurrent { get; set; } = 1;
}
