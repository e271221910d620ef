using System.Threading.Channels;
using Assistant.Core.Forecasts;

namespace Assistant.Api.Forecasts;

/// <summary>
/// Who is following which job: each change of a job reaches every open event stream of it. A stream that reads
/// slowly misses intermediate stages, never the last state (a watcher keeps only the newest changes).
/// </summary>
internal sealed class ForecastWatchers
{
    private const int Backlog = 16;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<Channel<ForecastJob>>> _watching = new(StringComparer.Ordinal);

    /// <summary>Starts following a job; dispose the watch to stop.</summary>
    public Watch Follow(string jobId)
    {
        var channel = Channel.CreateBounded<ForecastJob>(new BoundedChannelOptions(Backlog) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        lock (_lock)
        {
            if (!_watching.TryGetValue(jobId, out var channels))
            {
                channels = [];
                _watching[jobId] = channels;
            }

            channels.Add(channel);
        }

        return new Watch(this, jobId, channel);
    }

    public void Publish(ForecastJob job)
    {
        lock (_lock)
        {
            if (_watching.TryGetValue(job.Id, out var channels))
            {
                foreach (var channel in channels)
                {
                    channel.Writer.TryWrite(job);
                }
            }
        }
    }

    private void Stop(string jobId, Channel<ForecastJob> channel)
    {
        lock (_lock)
        {
            if (_watching.TryGetValue(jobId, out var channels) && channels.Remove(channel) && channels.Count == 0)
            {
                _watching.Remove(jobId);
            }
        }
    }

    public sealed class Watch(ForecastWatchers watchers, string jobId, Channel<ForecastJob> channel) : IDisposable
    {
        public ChannelReader<ForecastJob> Changes => channel.Reader;

        public void Dispose() => watchers.Stop(jobId, channel);
    }
}
