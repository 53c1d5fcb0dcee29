using System.Net;
using System.Net.Sockets;
using ChatCrm.Bot.Tests.Infrastructure;

namespace ChatCrm.Faults.Infrastructure;

/// <summary>
/// A TCP relay between the bot and the fake Bot API that can drop off the network: <see cref="Refuse"/> closes every open
/// connection and stops listening, so the bot's next calls are refused (a network error, not an HTTP status);
/// <see cref="Accept"/> listens again on the same port.
/// </summary>
public sealed class OutageProxy : IAsyncDisposable
{
    private readonly int _target;
    private readonly Lock _gate = new();
    private readonly List<TcpClient> _open = [];
    private TcpListener? _listener;

    private OutageProxy(int target, int port)
    {
        _target = target;
        Port = port;
    }

    public int Port { get; }
    public string BaseUrl => $"http://127.0.0.1:{Port}";
    public bool Refusing => _listener is null;

    public static OutageProxy Start(string targetBaseUrl)
    {
        var proxy = new OutageProxy(new Uri(targetBaseUrl).Port, BotProcess.FreePort());
        proxy.Accept();
        return proxy;
    }

    public void Accept()
    {
        lock (_gate)
        {
            if (_listener is not null)
            {
                return;
            }

            var listener = new TcpListener(IPAddress.Loopback, Port);
            listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            listener.Start();
            _listener = listener;
            _ = AcceptLoopAsync(listener);
        }
    }

    public void Refuse()
    {
        lock (_gate)
        {
            _listener?.Stop();
            _listener = null;
            foreach (var client in _open)
            {
                client.Dispose();
            }

            _open.Clear();
        }
    }

    private async Task AcceptLoopAsync(TcpListener listener)
    {
        while (true)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                return; // stopped: refusing now
            }

            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using var upstream = new TcpClient();
        lock (_gate)
        {
            _open.Add(client);
            _open.Add(upstream);
        }

        try
        {
            await upstream.ConnectAsync(IPAddress.Loopback, _target);
            var a = client.GetStream();
            var b = upstream.GetStream();
            await Task.WhenAny(a.CopyToAsync(b), b.CopyToAsync(a));
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
            // A connection cut by Refuse (or by either side) simply ends.
        }
        finally
        {
            lock (_gate)
            {
                _open.Remove(client);
                _open.Remove(upstream);
            }

            client.Dispose();
        }
    }

    public ValueTask DisposeAsync()
    {
        Refuse();
        return ValueTask.CompletedTask;
    }
}
