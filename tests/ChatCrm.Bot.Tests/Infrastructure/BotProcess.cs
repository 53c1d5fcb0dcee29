using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ChatCrm.Bot.Tests.Infrastructure;

/// <summary>The built bot run as its own process (`dotnet ChatCrm.Bot.dll`), so a test can kill it for real.</summary>
public sealed class BotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private BotProcess(Process process) => _process = process;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public Process Process => _process;

    public static string BotDll
    {
        get
        {
            // tests/ChatCrm.Bot.Tests/bin/<Configuration>/net10.0 → src/ChatCrm.Bot/bin/<Configuration>/net10.0
            var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var framework = here.Name;
            var configuration = here.Parent!.Name;
            var root = here.Parent.Parent!.Parent!.Parent!.Parent!.FullName;
            return Path.Combine(root, "src", "ChatCrm.Bot", "bin", configuration, framework, "ChatCrm.Bot.dll");
        }
    }

    public static BotProcess Start(IDictionary<string, string> environment, params string[] args) =>
        StartDll(BotDll, environment, args);

    /// <summary>The built bot started from <paramref name="workingDirectory"/>, as a service is, rather than from its own folder.</summary>
    public static BotProcess StartIn(string workingDirectory, IDictionary<string, string> environment, params string[] args) =>
        StartDll(BotDll, environment, args, workingDirectory);

    /// <summary>A bot published elsewhere (deploy/Dockerfile's publish), started from <paramref name="workingDirectory"/> as its container starts it.</summary>
    public static BotProcess StartDllIn(string dll, string workingDirectory, IDictionary<string, string> environment, params string[] args) =>
        StartDll(dll, environment, args, workingDirectory);

    /// <summary>Any built app (`dotnet &lt;dll&gt;`) the same way; the benchmarks start their bare baseline server with it.</summary>
    public static BotProcess StartDll(string dll, IDictionary<string, string> environment, params string[] args) =>
        StartDll(dll, environment, args, Path.GetDirectoryName(dll)!);

    private static BotProcess StartDll(string dll, IDictionary<string, string> environment, string[] args, string workingDirectory)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
            StandardOutputEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info };
        var bot = new BotProcess(process);
        process.OutputDataReceived += (_, e) => bot.Append(e.Data);
        process.ErrorDataReceived += (_, e) => bot.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return bot;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (DateTime.UtcNow > deadline || _process.HasExited)
            {
                throw new TimeoutException($"The bot did not print «{text}». It printed:\n{Output}");
            }

            await Task.Delay(50);
        }
    }

    public void Kill() => _process.Kill(entireProcessTree: true);

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
