namespace Assistant.Core.Discussion.Analytics;

/// <summary>What a stance cue does to the reading of a comment.</summary>
internal enum CueKind
{
    /// <summary>Speaks for the provision («поддерживаю», «қолдаймын»).</summary>
    Support,

    /// <summary>Speaks against it («против», «келіспеймін»).</summary>
    Oppose,

    /// <summary>Marks the comment as ironic («ну конечно», «ага», «))»): its praise then counts against.</summary>
    Irony,

    /// <summary>Opens a clause that outweighs what came before («но», «бірақ»).</summary>
    Contrast,
}
