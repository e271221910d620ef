using System.Diagnostics;
using System.Globalization;

namespace Assistant.Indexer.Terminal;

/// <summary>
/// A one-line progress bar on stderr, drawn only when stderr is a terminal and at most ten times a second,
/// so that logs and piped output stay clean.
/// </summary>
internal sealed class ProgressBar : IDisposable
{
    private const int Width = 30;
    private readonly string _label;
    private readonly bool _enabled = !Console.IsErrorRedirected;
    private readonly Stopwatch _sinceDraw = Stopwatch.StartNew();
    private readonly Lock _gate = new();
    private bool _drawn;

    public ProgressBar(string label)
    {
        _label = label;
    }

    public void Report(double fraction, string detail)
    {
        if (!_enabled)
        {
            return;
        }

        lock (_gate)
        {
            if (_drawn && _sinceDraw.ElapsedMilliseconds < 100 && fraction < 1)
            {
                return;
            }

            _sinceDraw.Restart();
            var clamped = Math.Clamp(fraction, 0, 1);
            var filled = (int)Math.Round(clamped * Width);
            var line = string.Create(
                CultureInfo.InvariantCulture,
                $"\r{_label} [{new string('#', filled)}{new string('.', Width - filled)}] {clamped,4:P0} {detail}");
            Console.Error.Write(line.PadRight(Math.Max(line.Length, Console.WindowWidth > 0 ? Console.WindowWidth - 1 : 0)));
            _drawn = true;
        }
    }

    public void Dispose()
    {
        if (_enabled && _drawn)
        {
            Console.Error.WriteLine();
        }
    }
}
