using Assistant.Core.Acts;
using Assistant.Core.Findings;
using Microsoft.Extensions.Logging;

namespace Assistant.Storage.Findings;

internal static partial class FindingLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Signed {Norms} norms in {SignSeconds:F1} s; {Pairs} candidate pairs, {ByDesign} act pairs reproduced by design, in {Seconds:F1} s")]
    public static partial void Paired(ILogger logger, int norms, int pairs, int byDesign, double signSeconds, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Findings run {Generation}: {Acts} act editions to analyse for {Kinds}, {Resumed} resumed from a run that stopped")]
    public static partial void Planned(ILogger logger, long generation, int acts, string kinds, int resumed);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Kind} in {ActId} ({Language}): {Added} added, {Kept} kept, {Gone} gone")]
    public static partial void Analysed(ILogger logger, FindingKind kind, string actId, Language language, int added, int kept, int gone);

    [LoggerMessage(Level = LogLevel.Information, Message = "Findings run done: {Acts} act editions analysed in {Seconds:F1} s")]
    public static partial void Finished(ILogger logger, int acts, double seconds);
}
