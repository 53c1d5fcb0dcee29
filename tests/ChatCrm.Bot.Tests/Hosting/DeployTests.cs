using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Bot.Tests.Postgres;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ChatCrm.Bot.Tests.Hosting;

/// <summary>
/// What deploy/ promises an operator. This machine has the docker CLI but no container engine, so the image itself is
/// never built here: the test runs the Dockerfile's own publish line and starts its output the way the image does.
/// The restore drills follow deploy/README.md step by step: a backup taken while the bot runs, the bot stopped, the
/// backup put in place, the bot started — what was there at the backup is back, and nothing after it.
/// </summary>
[EndToEnd, StartsFirst]
public sealed partial class DeployTests : IAsyncLifetime
{
    /// <summary>deploy/Dockerfile's publish line, word for word. The image build and this test run the same string.</summary>
    private const string PublishCommand = "dotnet publish src/ChatCrm.Bot -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o \"$OUT\" -p:UseAppHost=false";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "chatcrm-tests", "deploy-" + Guid.NewGuid().ToString("N"));

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder must not fail the run.
        }

        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_dockerfile_s_publish_line_gives_a_bot_that_starts_from_its_data_folder_and_gets_ready()
    {
        var dockerfile = await File.ReadAllTextAsync(Path.Combine(Root, "deploy", "Dockerfile"));
        var publish = Regex.Matches(dockerfile, @"^RUN (.*dotnet publish.*)$", RegexOptions.Multiline).Select(m => m.Groups[1].Value.Trim()).ToList();
        publish.Should().Equal([PublishCommand], "the image is built with exactly the line this test runs");

        // The line as the image's build stage runs it: a shell in the repository root (COPY . . into WORKDIR /src).
        var app = Path.Combine(_folder, "app");
        var (exitCode, output) = await RunAsync("/bin/sh", ["-c", publish[0]], Root, new Dictionary<string, string> { ["OUT"] = app }, TimeSpan.FromMinutes(10));
        exitCode.Should().Be(0, output);
        var dll = Path.Combine(app, "ChatCrm.Bot.dll");
        File.Exists(dll).Should().BeTrue(output);
        File.Exists(Path.Combine(app, "appsettings.json")).Should().BeTrue("the bot reads its settings from the app folder");

        // Started as the ENTRYPOINT starts it: from the data folder (WORKDIR /var/lib/chatcrm), which has no settings.
        var data = Path.Combine(_folder, "var-lib-chatcrm");
        Directory.CreateDirectory(data);
        await using var api = await FakeBotApi.StartAsync();
        api.EnqueueUpdate(Updates.Text(ChatCrmApp.AdminId, "/help", "en", updateId: 71));
        var port = BotProcess.FreePort();
        await using var bot = BotProcess.StartDllIn(dll, data, new Dictionary<string, string>
        {
            ["Telegram__BotToken"] = FakeBotApi.Token,
            ["Telegram__ApiBaseUrl"] = api.BaseUrl,
            ["Crm__AdminTelegramIds__0"] = ChatCrmApp.AdminId.ToString(CultureInfo.InvariantCulture),
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
        });

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await WaitForReadyAsync(http, bot);
        (await api.WaitForMessagesAsync(ChatCrmApp.AdminId, 1, TimeSpan.FromSeconds(30))).Single().Text.Should().Contain("Commands");
        File.Exists(Path.Combine(data, "data", "chatcrm.db")).Should().BeTrue("the SQLite database lives in the working directory, the image's volume");
        bot.Output.Should().NotContain("Executed DbCommand", "the published appsettings.json (EF Core at Warning) was read from the app folder");
    }

    [Fact]
    public async Task The_dockerfile_runs_unprivileged_with_fonts_a_health_check_and_a_data_volume()
    {
        var dockerfile = await File.ReadAllTextAsync(Path.Combine(Root, "deploy", "Dockerfile"));

        dockerfile.Should().Contain("FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build").And.Contain("FROM mcr.microsoft.com/dotnet/aspnet:10.0");
        dockerfile.Should().Contain("USER $APP_UID", "the bot does not run as root");
        dockerfile.Should().Contain("fonts-dejavu-core", "the digest's chart needs DejaVu Sans");
        dockerfile.Should().MatchRegex(@"HEALTHCHECK[^\n]*\\\n\s+CMD curl [^\n]*http://127\.0\.0\.1:8080/health/live");
        dockerfile.Should().Contain("VOLUME /var/lib/chatcrm").And.Contain("WORKDIR /var/lib/chatcrm");
        dockerfile.Should().Contain("ENTRYPOINT [\"dotnet\", \"/app/ChatCrm.Bot.dll\"]");
        var ignore = await File.ReadAllTextAsync(Path.Combine(Root, "deploy", "Dockerfile.dockerignore"));
        ignore.Should().Contain("**/bin").And.Contain("**/obj").And.Contain("**/*.db").And.Contain("deploy/.env");
    }

    [Fact]
    public async Task Compose_runs_two_replicas_on_postgres_behind_caddy_and_commits_no_secret()
    {
        var compose = await File.ReadAllTextAsync(Path.Combine(Root, "deploy", "compose.yaml"));
        var caddyfile = await File.ReadAllTextAsync(Path.Combine(Root, "deploy", "Caddyfile"));

        // No YAML library is referenced here: the services are the keys two spaces in, between `services:` and the next
        // top-level key.
        var section = Regex.Match(compose, @"^services:\n(.*?)(?=^\S)", RegexOptions.Multiline | RegexOptions.Singleline).Groups[1].Value;
        var services = Regex.Matches(section, @"^  ([a-z0-9-]+):\s*$", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        services.Should().Equal(["postgres", "bot-1", "bot-2", "caddy"]);
        compose.Should().Contain("Database__Provider: Postgres").And.Contain("ConnectionStrings__ChatCrm: \"Host=postgres;");
        compose.Should().Contain("pg_isready").And.Contain("condition: service_healthy").And.Contain("postgres-data:/var/lib/postgresql/data");
        compose.Should().Contain("Instance__Name: bot-1").And.Contain("Instance__Name: bot-2");
        compose.Should().Contain("Metrics__Enabled: \"true\"");
        compose.Should().MatchRegex("sender lease[^.]*automatic|automatic[^.]*lease", "the comment says the lease needs no key");
        Regex.Matches(compose, @"^\s+ports:", RegexOptions.Multiline).Should().HaveCount(1, "only Caddy publishes a port");

        caddyfile.Should().Contain("method POST").And.Contain("path /telegram/webhook").And.Contain("reverse_proxy bot-1:8080 bot-2:8080");
        caddyfile.Should().NotMatchRegex(@"path [^\n]*/metrics", "metrics are scraped inside, never through Caddy");
        caddyfile.Should().Contain("respond 404");

        // Secrets come from deploy/.env, which git ignores; everything committed carries placeholders only.
        (await File.ReadAllTextAsync(Path.Combine(Root, ".gitignore"))).Split('\n').Should().Contain("deploy/.env");
        foreach (var file in Directory.GetFiles(Path.Combine(Root, "deploy"), "*", SearchOption.AllDirectories))
        {
            var text = await File.ReadAllTextAsync(file);
            BotToken().IsMatch(text).Should().BeFalse($"{Path.GetFileName(file)} holds no Telegram token");
            Regex.Matches(text, @"Password=([^;""\s]+)").Select(m => m.Groups[1].Value)
                .Where(p => !p.StartsWith('$') && !p.StartsWith('<') && p != "…").Should().BeEmpty($"{Path.GetFileName(file)} holds no password");
        }

        var example = await File.ReadAllLinesAsync(Path.Combine(Root, "deploy", ".env.example"));
        var values = example.Where(l => l.Length > 0 && l[0] != '#').Select(l => l.Split('=', 2)).ToDictionary(kv => kv[0], kv => kv[1]);
        values.Keys.Should().BeEquivalentTo(["CHATCRM_DOMAIN", "TELEGRAM_BOT_TOKEN", "TELEGRAM_SECRET_TOKEN", "ADMIN_TELEGRAM_ID", "POSTGRES_PASSWORD"]);
        values.Where(kv => kv.Key != "CHATCRM_DOMAIN").Should().OnlyContain(kv => kv.Value.StartsWith('<') && kv.Value.EndsWith('>'), "placeholders only");
        foreach (var name in values.Keys)
        {
            compose.Should().Contain("${" + name + ":?", $"compose refuses to start without {name}");
        }
    }

    [Fact]
    public async Task A_sqlite_backup_taken_while_the_bot_runs_restores_what_it_held_and_nothing_after()
    {
        // As under systemd: one file, and a backup folder beside it.
        var live = Path.Combine(_folder, "data", "chatcrm.db");
        var backup = Path.Combine(_folder, "backup", "chatcrm-backup.db");
        Directory.CreateDirectory(Path.GetDirectoryName(live)!);
        Directory.CreateDirectory(Path.GetDirectoryName(backup)!);
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:ChatCrm"] = $"Data Source={live}" };

        await using (var running = await ChatCrmApp.StartAsync(settings: settings))
        {
            var admin = Chat.Admin(running);
            (await admin.LastAsync("/client Ромашка +79161234567")).Text.Should().Contain("Ромашка");

            // deploy/README.md: sqlite3 /var/lib/chatcrm/data/chatcrm.db "VACUUM INTO '/backup/chatcrm-….db'" — the same
            // statement, on its own connection, while the bot keeps running.
            await using (var connection = new SqliteConnection($"Data Source={live}"))
            {
                await connection.OpenAsync();
                await using var vacuum = connection.CreateCommand();
                vacuum.CommandText = "VACUUM INTO $file";
                vacuum.Parameters.AddWithValue("$file", backup);
                await vacuum.ExecuteNonQueryAsync();
            }

            (await admin.LastAsync("/client Лютик +79031112233")).Text.Should().Contain("Лютик");
            (await admin.LastAsync("/clients")).Text.Should().Contain("Ромашка").And.Contain("Лютик");
        }

        // Restore: the bot is stopped; the file, and any WAL left beside it, is replaced by the backup; the bot starts.
        SqliteConnection.ClearAllPools();
        File.Delete(live + "-wal");
        File.Delete(live + "-shm");
        File.Copy(backup, live, overwrite: true);

        await using var restored = await ChatCrmApp.StartAsync(settings: settings);
        var clients = (await Chat.Admin(restored).LastAsync("/clients")).Text;
        clients.Should().Contain("Ромашка", "what the backup held is back").And.NotContain("Лютик", "the client added after the backup is not");
        (await Chat.Admin(restored).LastAsync("/client Астра")).Text.Should().Contain("Астра", "the restored bot carries on");
    }

    [PostgresFact]
    [Postgres]
    public async Task A_pg_dump_restored_into_an_empty_database_starts_a_bot_with_the_data()
    {
        var pgDump = PostgresTool("pg_dump");
        var pgRestore = PostgresTool("pg_restore");
        var source = new PostgresDatabase();
        var target = "chatcrm_test_" + Guid.NewGuid().ToString("N")[..12];
        var dump = Path.Combine(_folder, "chatcrm.dump");
        try
        {
            await using (var running = await ChatCrmApp.StartAsync(settings: source.Settings))
            {
                var admin = Chat.Admin(running);
                (await admin.LastAsync("/client Ромашка +79161234567")).Text.Should().Contain("Ромашка");
                (await admin.LastAsync("/deal Ромашка станки 150к")).Text.Should().Contain("150 000");

                // deploy/README.md: pg_dump -Fc -f /backup/chatcrm-….dump — a consistent snapshot while the bots run.
                var (dumped, dumpOutput) = await RunAsync(pgDump, ["-Fc", "-f", dump], _folder, Libpq(source.Settings["ConnectionStrings:ChatCrm"]!), TimeSpan.FromMinutes(2));
                dumped.Should().Be(0, dumpOutput);

                (await admin.LastAsync("/client Лютик +79031112233")).Text.Should().Contain("Лютик");
            }

            // Restore: the bots are stopped; a new, empty database (createdb -T template0); pg_restore into it; start.
            var restoredConnection = new NpgsqlConnectionStringBuilder(Server) { Database = target }.ConnectionString;
            await using (var server = new NpgsqlConnection(Server))
            {
                await server.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{target}\" TEMPLATE template0", server);
                await create.ExecuteNonQueryAsync();
            }

            var (restoredCode, restoreOutput) = await RunAsync(pgRestore, ["--no-owner", "--exit-on-error", "-d", target, dump], _folder, Libpq(restoredConnection), TimeSpan.FromMinutes(2));
            restoredCode.Should().Be(0, restoreOutput);

            await using var restored = await ChatCrmApp.StartAsync(settings: new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Postgres",
                ["ConnectionStrings:ChatCrm"] = restoredConnection,
            });
            var admin2 = Chat.Admin(restored);
            (await admin2.LastAsync("/card Ромашка")).Plain.Should().Contain("Ромашка").And.Contain("150 000");
            (await admin2.LastAsync("/clients")).Text.Should().NotContain("Лютик", "the client added after the dump is not in it");
            (await admin2.LastAsync("/client Астра")).Text.Should().Contain("Астра", "the restored database carries on, its sequences included");
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await source.DropAsync();
            await PostgresDatabase.DropAsync(target);
        }
    }

    private static string Server => Environment.GetEnvironmentVariable(PostgresFactAttribute.Variable) ?? "";

    /// <summary>A connection string as the PG* variables every PostgreSQL tool reads: no password on a command line.</summary>
    private static Dictionary<string, string> Libpq(string connectionString)
    {
        var c = new NpgsqlConnectionStringBuilder(connectionString);
        return new Dictionary<string, string>
        {
            ["PGHOST"] = c.Host ?? "127.0.0.1",
            ["PGPORT"] = c.Port.ToString(CultureInfo.InvariantCulture),
            ["PGUSER"] = c.Username ?? "",
            ["PGPASSWORD"] = c.Password ?? "",
            ["PGDATABASE"] = c.Database ?? "",
        };
    }

    /// <summary>
    /// A PostgreSQL client tool, looked for where .ci/postgres.sh finds the server (the newest /usr/lib/postgresql/*/bin,
    /// so the tool is never older than the server), then on PATH. Missing, the drill fails and says what to install.
    /// </summary>
    private static string PostgresTool(string name)
    {
        var versions = Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql") : [];
        var candidates = versions
            .OrderByDescending(d => int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0)
            .Select(d => Path.Combine(d, "bin", name))
            .Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Where(p => p.Length > 0).Select(p => Path.Combine(p, name)));
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                $"{name} was not found in /usr/lib/postgresql/*/bin or on PATH. The restore drill needs PostgreSQL's client tools: apt-get install postgresql-client.");
    }

    private static async Task WaitForReadyAsync(HttpClient http, BotProcess bot)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            try
            {
                using var ready = await http.GetAsync("/health/ready");
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (DateTime.UtcNow > deadline || bot.Process.HasExited)
            {
                throw new TimeoutException($"/health/ready did not answer 200. The bot printed:\n{bot.Output}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>A program run to its end: its exit code and everything it printed.</summary>
    private static async Task<(int ExitCode, string Output)> RunAsync(string file, IEnumerable<string> args, string workingDirectory,
        IDictionary<string, string> environment, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // The test host runs under `dotnet test`, whose MSBuild variables would steer a nested build.
        foreach (var inherited in info.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(inherited);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        using var process = new Process { StartInfo = info };
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(file)} did not finish in {timeout}:\n{output}");
        }

        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    /// <summary>The repository's root: the folder above the test's output that holds ChatCrm.sln.</summary>
    private static string Root
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "ChatCrm.sln")))
            {
                folder = folder.Parent;
            }

            return folder?.FullName ?? throw new InvalidOperationException($"No ChatCrm.sln above {AppContext.BaseDirectory}");
        }
    }

    /// <summary>A Telegram bot token: the bot's numeric id, a colon, 35 characters.</summary>
    [GeneratedRegex(@"\d{8,10}:[A-Za-z0-9_-]{35}")]
    private static partial Regex BotToken();
}
