using System.Text.Json;
using Assistant.Core.Answers;
using Assistant.Core.Forecasts;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using ScriptedChat = Assistant.Core.Tests.Answers.GroundedAnswererTests.ScriptedChat;

namespace Assistant.Core.Tests.Forecasts;

/// <summary>
/// The consequences by area: the model is given the forecast's numbered findings through the forecast prompt, and its
/// JSON is kept only where it cites them. The model here is scripted: what is checked is the plumbing and the check,
/// not the quality of what a real model would write.
/// </summary>
public sealed class ForecastNarratorTests
{
    private static readonly ForecastPrompt Prompt = ForecastPrompt.Load(Path.Combine(AppContext.BaseDirectory, "prompts"));

    private static Forecast Sample => ForecastReportsTests.Sample;

    [Fact]
    public async Task Items_citing_given_findings_are_kept_with_the_norms_those_findings_name()
    {
        var chat = new ScriptedChat("""{"legal": [{"text": "Работодатель обязан использовать письменную форму.", "cites": [1, 2]}], "budget": [], "business": [], "social": [], "administrative": [{"text": "Уполномоченный орган утверждает форму.", "cites": [5]}], "risks": []}""");

        var narrative = await Narrator(chat).WriteAsync(Sample, CancellationToken.None);

        Assert.True(narrative.IsPresent);
        Assert.Equal("scripted", narrative.Model);
        Assert.Equal([NarrativeArea.Legal, NarrativeArea.Administrative], narrative.Items.Select(i => i.Area));
        Assert.Equal(["K1500000414/art:3"], narrative.Items[0].Cites[0].Norms);
        Assert.Equal(["P0000000002/p:3", "K1500000414/art:3"], narrative.Items[0].Cites[1].Norms);
        Assert.StartsWith("Подзаконный акт к принятию (уполномоченным органом)", narrative.Items[1].Cites[0].Finding, StringComparison.Ordinal);
        Assert.Empty(narrative.RemovedCitations);
    }

    [Fact]
    public async Task Citations_of_findings_not_given_are_removed_and_items_left_without_one_are_dropped()
    {
        var chat = new ScriptedChat("""{"legal": [{"text": "Верно.", "cites": [2, 40]}, {"text": "Выдумано.", "cites": [99]}], "risks": [{"text": "Без ссылок.", "cites": []}]}""");

        var narrative = await Narrator(chat).WriteAsync(Sample, CancellationToken.None);

        var kept = Assert.Single(narrative.Items);
        Assert.Equal(("Верно.", 2), (kept.Text, Assert.Single(kept.Cites).Number));
        Assert.Equal([40, 99], narrative.RemovedCitations);
        Assert.Equal(2, narrative.DroppedItems);
    }

    [Fact]
    public async Task Output_cut_before_its_json_closes_is_no_narrative_and_says_why()
    {
        var chat = new ScriptedChat("""{"legal": [{"text": "Работодатель обя""");

        var narrative = await Narrator(chat).WriteAsync(Sample, CancellationToken.None);

        Assert.False(narrative.IsPresent);
        Assert.Contains("not complete JSON", narrative.AbsentReason, StringComparison.Ordinal);
        Assert.Empty(narrative.Items);
    }

    [Fact]
    public async Task Without_a_chat_model_nothing_is_written_and_the_reason_is_given()
    {
        var narrative = await Narrator(null).WriteAsync(Sample, CancellationToken.None);

        Assert.Equal(ForecastNarrative.NoModel, narrative.AbsentReason);
    }

    [Fact]
    public async Task The_model_is_given_the_numbered_findings_in_the_drafts_language_and_the_grammar_of_cited_areas()
    {
        var chat = new ScriptedChat("""{"legal": []}""");

        await Narrator(chat).WriteAsync(Sample, CancellationToken.None);

        var (messages, options) = Assert.Single(chat.Requests);
        var user = messages.Last(m => m.Role == ChatRole.User).Text;
        Assert.Contains("[1] Изменяемая норма K1500000414/art:3: Форма письменная.", user, StringComparison.Ordinal);
        Assert.Contains("[3] Термин «работодатель»", user, StringComparison.Ordinal);
        Assert.Contains("Пиши на русском языке.", messages[0].Text, StringComparison.Ordinal);
        var grammar = Assert.IsType<string>(options!.AdditionalProperties![AnswerOptions.GrammarProperty]);
        Assert.EndsWith("cite ::= \"1\" | \"2\" | \"3\" | \"4\" | \"5\"", grammar, StringComparison.Ordinal);
    }

    [Fact]
    public void The_json_report_labels_a_written_narrative_as_ai_generated_and_carries_its_citations()
    {
        var narrative = new ForecastNarrative(null, "kazllm", [new NarrativeItem(NarrativeArea.Social, "Работники получат право.", [new NarrativeCitation(1, "Изменяемая норма", ["K1500000414/art:3"])])], [7], 1, new NarrativeUsage(100, 20, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)));

        using var document = JsonDocument.Parse(ForecastJson.Serialize(Sample with { Narrative = narrative }));
        var written = document.RootElement.GetProperty("narrative");

        Assert.True(written.GetProperty("aiGenerated").GetBoolean());
        Assert.Equal("social", written.GetProperty("items")[0].GetProperty("area").GetString());
        Assert.Equal("K1500000414/art:3", written.GetProperty("items")[0].GetProperty("cites")[0].GetProperty("norms")[0].GetString());
        Assert.Equal(7, written.GetProperty("removedCitations")[0].GetInt32());
        Assert.Equal(10.0, written.GetProperty("usage").GetProperty("outputTokensPerSecond").GetDouble());
        Assert.Contains("Written by AI (kazllm)", ForecastReport.Html(Sample with { Narrative = narrative }), StringComparison.Ordinal);
    }

    private static ForecastNarrator Narrator(IChatClient? chat)
    {
        var kernel = Kernel.CreateBuilder();
        if (chat is not null)
        {
            kernel.Services.AddSingleton(chat);
        }

        return new ForecastNarrator(kernel.Build(), Prompt, new NarrativeOptions());
    }
}
