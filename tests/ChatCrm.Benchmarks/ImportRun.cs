using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ChatCrm.Bot.Data;
using ChatCrm.Bot.Outbox;
using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Bot.Transport;
using ChatCrm.Core.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Benchmarks;

/// <summary>
/// Issue 10: importing 100,000 rows with 10 % duplicates on SQLite in under 60 s and under 300 MB peak memory. The bot
/// runs as its own process (the built ChatCrm.Bot.dll, as in production), so its peak resident set is its own, not this
/// driver's or the fake Bot API's. The whole conversation goes through its real webhook: the CSV is sent as a document
/// (the fake Bot API serves getFile and the download), the preview's ✅ tapped, the questions answered with their
/// defaults (merge, the pool), the start tapped; the bot's background worker then imports it batch by batch. What the
/// bot says is read from its outbox, committed before the webhook answers. Timed from the start tap to the import's
/// Done; the bot's peak RSS is read from /proc for the conversation up to the start and, reset at the start tap, for the
/// run.
/// </summary>
internal static class ImportRun
{
    private const long Head = 2005;

    public static async Task RunAsync(int rows)
    {
        var folder = Directory.CreateTempSubdirectory("chatcrm-import-").FullName;
        try
        {
            await RunInAsync(folder, rows);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task RunInAsync(string folder, int rows)
    {
        var connectionString = $"Data Source={Path.Combine(folder, "bot.db")}";
        var options = new DbContextOptionsBuilder<ChatCrmDbContext>().UseSqlite(connectionString).Options;
        await using (var db = new ChatCrmDbContext(options))
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;");
            await db.Database.MigrateAsync();
            var head = User.Create(Head, "Ольга", Role.Head, "Europe/Moscow", DateTime.UtcNow);
            head.Seen(Head, "Ольга", null, "ru", DateTime.UtcNow);
            db.Users.Add(head);
            await db.SaveChangesAsync();
        }

        await using var api = await FakeBotApi.StartAsync();
        var port = BotProcess.FreePort();
        await using var bot = await Webhook.StartBotAsync(api, connectionString, port, new Dictionary<string, string>
        {
            ["Logging__LogLevel__Default"] = "Error",
            // Each batch logs where its time went.
            ["Logging__LogLevel__ChatCrm.Bot.Features.Import"] = "Debug",
        });
        using var http = Webhook.WithSecret(new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(5) });
        var chat = new RemoteChat(http, options);

        // The bot before any import: what the run's figures are on top of (a /start first, so its first queries are made).
        await chat.SayAsync(Updates.Text(Head, "/help", firstName: "Ольга"));
        var idle = (Rss: bot.Process.Id.RssMb(), Peak: bot.Process.Id.PeakRssMb());
        var file = Csv(rows);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"import: {rows:N0} rows, {file.Length / 1024.0 / 1024.0:F1} MB CSV"));
        var clock = Stopwatch.StartNew();
        var (fileId, uniqueId, size) = api.RegisterFile(file, "clients.csv");
        var preview = await chat.SayAsync(Updates.Document(Head, fileId, uniqueId, size, "clients.csv", firstName: "Ольга"));
        var previewIn = clock.Elapsed;
        var question = await chat.SayAsync(Updates.Tap(Head, preview.Button("✅"), firstName: "Ольга"));
        var questionsIn = clock.Elapsed - previewIn;
        Console.WriteLine(question.Plain);
        for (var i = 0; i < 20 && !question.Plain.Contains("Начать?", StringComparison.Ordinal); i++)
        {
            var next = question.Buttons.Select(b => b.Data).First(d => d.EndsWith(":go", StringComparison.Ordinal) || d.EndsWith(":n:p", StringComparison.Ordinal));
            question = await chat.SayAsync(Updates.Tap(Head, next, firstName: "Ольга"));
        }

        Console.WriteLine(question.Plain);
        var peakBefore = bot.Process.Id.PeakRssMb();
        // Linux: writing 5 to clear_refs resets the peak resident set (VmHWM), so the figure below is the run's own.
        await File.WriteAllTextAsync($"/proc/{bot.Process.Id}/clear_refs", "5");
        clock.Restart();
        await chat.SayAsync(Updates.Tap(Head, question.Button("Начать"), firstName: "Ольга"));
        ClientImport import;
        var peakRun = 0.0;
        (double Anon, double File, double Shmem) peakKinds = default;
        while (true)
        {
            peakRun = Math.Max(peakRun, bot.Process.Id.PeakRssMb());
            var kinds = bot.Process.Id.RssKindsMb();
            peakKinds = (Math.Max(peakKinds.Anon, kinds.Anon), Math.Max(peakKinds.File, kinds.File), Math.Max(peakKinds.Shmem, kinds.Shmem));
            import = await chat.QueryAsync(db => db.Imports.AsNoTracking().OrderByDescending(x => x.Id).FirstAsync());
            if (import.Status == ImportStatus.Done || bot.Process.HasExited)
            {
                break;
            }

            await Task.Delay(200);
        }

        var runIn = clock.Elapsed;
        peakRun = Math.Max(peakRun, bot.Process.Id.PeakRssMb());
        var clients = await chat.QueryAsync(db => db.Clients.CountAsync());
        if (bot.Output.Contains("fail", StringComparison.OrdinalIgnoreCase))
        {
            Console.WriteLine("The bot logged failures:\n" + bot.Output);
        }

        var batches = bot.Output.Split('\n').Where(l => l.Contains("Import ", StringComparison.Ordinal) && l.Contains(" ms: ", StringComparison.Ordinal)).ToList();
        Console.WriteLine("batches (first two, last two):\n  " + string.Join("\n  ", batches.Take(2).Concat(batches.TakeLast(2)).Select(l => l.Trim())));

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"preview (download, read, detect) {previewIn.TotalSeconds:F1} s; questions (read all rows, classify against the base) {questionsIn.TotalSeconds:F1} s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"run: {runIn.TotalSeconds:F1} s from the start tap to Done ({rows / runIn.TotalSeconds:F0} rows/s); created {import.Created:N0}, merged {import.Merged:N0}, skipped {import.Skipped:N0}, rejected {import.Rejected:N0}; clients in the base {clients:N0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bot process before the file: {idle.Rss:F0} MB resident, {idle.Peak:F0} MB peak; peak RSS: {peakBefore:F0} MB up to the start (preview and questions); {peakRun:F0} MB during the run (target < 300 MB; sampled every 200 ms, at most {peakKinds.Anon:F0} MB anonymous, {peakKinds.File:F0} MB file-backed, {peakKinds.Shmem:F0} MB shared); this driver {Environment.ProcessId.PeakRssMb():F0} MB"));
    }

    /// <summary>The head's side of the conversation with a bot in another process: an update posted, what it answered read from the outbox.</summary>
    private sealed class RemoteChat(HttpClient http, DbContextOptions<ChatCrmDbContext> options)
    {
        public async Task<T> QueryAsync<T>(Func<ChatCrmDbContext, Task<T>> query)
        {
            await using var db = new ChatCrmDbContext(options);
            return await query(db);
        }

        public async Task<Said> SayAsync(string update)
        {
            var before = await QueryAsync(db => db.Outbox.Select(m => (long?)m.Id).MaxAsync()) ?? 0;
            using var response = await http.PostAsync(TelegramOptions.WebhookPath, new StringContent(update, Encoding.UTF8, "application/json"));
            response.EnsureSuccessStatusCode();
            var row = await QueryAsync(db => db.Outbox
                .Where(m => m.ChatId == Head && m.Id > before && (m.Kind == OutboxKind.Message || m.Kind == OutboxKind.EditMessage))
                .OrderByDescending(m => m.Id).FirstAsync());
            var payload = JsonSerializer.Deserialize<MessagePayload>(row.Payload)!;
            return new Said(payload.Html, payload.Buttons?.SelectMany(r => r).Select(b => (b.Text, b.Data ?? "")).ToList() ?? []);
        }
    }

    /// <summary>Every tenth row repeats an earlier row (its phone, or its e-mail, or its name): 10 % in-file duplicates.</summary>
    private static byte[] Csv(int rows)
    {
        var sb = new StringBuilder("Название;Телефон;E-mail;Город;Сумма сделки;Заметка\r\n");
        var words = FindNames.Words;
        var surnames = FindNames.Surnames;
        for (var i = 0; i < rows; i++)
        {
            var n = i;
            if (i % 10 == 9)
            {
                n = i - 5; // a repeat of a row five earlier
            }

            var name = $"{words[n % words.Length]} {surnames[n / words.Length % surnames.Length]} {n}";
            var phone = $"+7 9{n / 10_000_000 % 10}{n / 1_000_000 % 10} {n / 1000 % 1000:000}-{n / 10 % 100:00}-{n % 10}0";
            var email = n % 3 == 0 ? $"c{n}@example.com" : "";
            var amount = n % 10 == 0 ? (10_000 + n).ToString(CultureInfo.InvariantCulture) : "";
            sb.Append(CultureInfo.InvariantCulture, $"{name};{phone};{email};Казань;{amount};импорт\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }
}
