using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ChatCrm.Bot.Tests.Infrastructure;

/// <summary>One line the host logged: what an operator would read in its console.</summary>
public sealed record LogLine(string Category, LogLevel Level, string Message, Exception? Exception);

/// <summary>
/// A logger provider that keeps every line the host logs (at the levels the host's filters let through), for tests
/// that check what an operator reads: how often an outage is reported, whether a warning appears at start.
/// </summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<LogLine> _lines = new();

    public IReadOnlyList<LogLine> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<LogLine> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue(new LogLine(category, logLevel, formatter(state, exception), exception));
    }
}
