namespace Assistant.Web.Components.Forecasts;

/// <summary>The steps of a forecast job, in the order the API runs them (its ForecastStage, lower-cased).</summary>
public static class ForecastStages
{
    public static IReadOnlyList<string> All { get; } = ["applying", "dependents", "draftingrules", "followups", "terms", "conflicts", "narrative", "reports"];

    /// <summary>How far the job is, from 0 to 100: steps done over all steps.</summary>
    public static int Percent(ForecastJobState job)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.Status == "succeeded")
        {
            return 100;
        }

        var at = job.Stage is null ? -1 : IndexOf(job.Stage);
        return at < 0 ? 0 : at * 100 / All.Count;
    }

    public static int IndexOf(string stage)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (string.Equals(All[i], stage, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>What the progress shows of a job: its status and its current step.</summary>
public sealed record ForecastJobState(string Status, string? Stage);
