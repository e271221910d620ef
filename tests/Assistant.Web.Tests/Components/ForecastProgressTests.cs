using Assistant.Web.Components.Forecasts;
using Bunit;

namespace Assistant.Web.Tests.Components;

public sealed class ForecastProgressTests : ComponentTest
{
    [Fact]
    public void A_running_job_marks_the_steps_before_its_stage_done_and_its_stage_current()
    {
        var view = Render<ForecastProgress>(p => p.Add(f => f.Job, new ForecastJobState("running", "followups")));

        var states = view.FindAll(".stages li").Select(li => li.ClassName).ToList();

        Assert.Equal(["done", "done", "done", "current", "todo", "todo", "todo", "todo"], states);
        Assert.Equal("Подзаконные акты", view.FindAll(".stages li")[3].TextContent);
        Assert.Equal("Выполняется", view.Find(".mud-typography-body2").TextContent);
        Assert.Equal(37, ForecastStages.Percent(new ForecastJobState("running", "followups")));
    }

    [Fact]
    public void A_failed_job_marks_its_stage_failed_and_a_finished_one_marks_all_done()
    {
        var failed = Render<ForecastProgress>(p => p.Add(f => f.Job, new ForecastJobState("failed", "conflicts")));
        var done = Render<ForecastProgress>(p => p.Add(f => f.Job, new ForecastJobState("succeeded", "reports")));

        Assert.Equal("failed", failed.FindAll(".stages li")[5].ClassName);
        Assert.All(done.FindAll(".stages li"), li => Assert.Equal("done", li.ClassName));
        Assert.Equal("failed", failed.Find("[data-testid=forecast-progress]").GetAttribute("data-status"));
    }
}
