using System.Diagnostics;
using System.Globalization;
using System.Text;
using ChatCrm.Bot.Data;
using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Crm;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Benchmarks;

/// <summary>
/// Issue 10: importing 100,000 rows with 10 % duplicates on SQLite in under 60 s and under 300 MB peak memory. The
/// whole conversation runs through the real host and the fake Bot API: the CSV is sent as a document, the preview's ✅
/// tapped, the questions answered with their defaults (merge, the pool), the start tapped; the background worker then
/// imports it batch by batch. Timed from the start tap to the import's Done; the peak resident set is read from /proc
/// for the whole process (bot, fake API and this driver together), reset just before the start tap.
/// </summary>
internal static class ImportRun
{
    public static async Task RunAsync(int rows)
    {
        await using var app = await ChatCrmApp.StartAsync(settings: new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Error" });
        var head = await Chat.JoinAsync(app, 2005, role: "head", name: "Ольга");
        var file = Csv(rows);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"import: {rows:N0} rows, {file.Length / 1024.0 / 1024.0:F1} MB CSV"));

        var clock = Stopwatch.StartNew();
        var preview = (await head.SendDocumentAsync(file, "clients.csv"))[^1];
        var previewIn = clock.Elapsed;
        var question = (await head.TapAsync(preview.Button("✅")))[^1];
        var questionsIn = clock.Elapsed - previewIn;
        Console.WriteLine(question.Plain);
        for (var i = 0; i < 20 && !question.Plain.Contains("Начать?", StringComparison.Ordinal); i++)
        {
            question = (await head.TapAsync(question.Buttons.Select(b => b.Data).First(d => d.EndsWith(":go", StringComparison.Ordinal) || d.EndsWith(":n:p", StringComparison.Ordinal))))[^1];
        }

        Console.WriteLine(question.Plain);
        var peakBefore = Environment.ProcessId.PeakRssMb();
        // Linux: writing 5 to clear_refs resets the peak resident set (VmHWM), so the figure below is the run's own.
        await File.WriteAllTextAsync("/proc/self/clear_refs", "5");
        clock.Restart();
        await head.TapAsync(question.Button("Начать"));
        ClientImport import;
        while (true)
        {
            import = await app.QueryAsync(db => db.Imports.AsNoTracking().OrderByDescending(x => x.Id).FirstAsync());
            if (import.Status == ImportStatus.Done)
            {
                break;
            }

            await Task.Delay(200);
        }

        var runIn = clock.Elapsed;
        var clients = await app.CountAsync<Client>();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"preview (download, read, detect) {previewIn.TotalSeconds:F1} s; questions (read all rows, classify against the base) {questionsIn.TotalSeconds:F1} s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"run: {runIn.TotalSeconds:F1} s from the start tap to Done ({rows / runIn.TotalSeconds:F0} rows/s); created {import.Created:N0}, merged {import.Merged:N0}, skipped {import.Skipped:N0}, rejected {import.Rejected:N0}; clients in the base {clients:N0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"peak RSS of this process: {Environment.ProcessId.PeakRssMb():F0} MB during the run; {peakBefore:F0} MB up to the start (preview and questions)"));
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
