using System.Text;
using System.Text.Json;
using ChatCrm.Bot.Data;
using ChatCrm.Bot.Outbox;
using ChatCrm.Bot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.Import;

/// <summary>The import conversation from the test's side: a file in, the questions answered, the run waited for.</summary>
internal static class ImportDriver
{
    public const string Header = "Name;Phone;Email;Segment;Owner;City;Contact person;Note;Deal amount;Stage;Last contact";

    public static byte[] Csv(params string[] rows) =>
        [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(string.Join("\r\n", rows.Prepend(Header)) + "\r\n")];

    /// <summary>The file sent as a Telegram document, and the preview's ✅ tapped: the first question is the answer.</summary>
    public static async Task<Said> ConfirmPreviewAsync(ChatCrmApp app, Chat chat, byte[] content, string fileName = "clients.csv")
    {
        var preview = (await chat.SendDocumentAsync(content, fileName))[^1];
        var question = await chat.TapAsync(preview.Button("✅"));
        question.Should().NotBeEmpty($"the preview's ✅ should lead to the questions, but the preview was: {preview.Text}");
        return question[^1];
    }

    public static async Task<IReadOnlyList<Said>> SaidSinceAsync(ChatCrmApp app, Chat chat, long afterOutboxId)
    {
        var rows = await app.QueryAsync(db => db.Outbox
            .Where(m => m.ChatId == chat.TelegramId && m.Id > afterOutboxId && (m.Kind == OutboxKind.Message || m.Kind == OutboxKind.EditMessage))
            .OrderBy(m => m.Id).ToListAsync());
        return [.. rows.Select(r => (Row: r, Payload: JsonSerializer.Deserialize<MessagePayload>(r.Payload)!))
            .Select(x => new Said(x.Payload.Html,
                x.Payload.Buttons?.SelectMany(row => row).Select(b => (b.Text, b.Data ?? "")).ToList() ?? [],
                x.Row.Kind == OutboxKind.EditMessage))];
    }

    /// <summary>Taps through the questions with their defaults (merge, the pool, the pool, create) up to the confirmation.</summary>
    public static async Task<Said> AcceptDefaultsAsync(Chat chat, Said question)
    {
        for (var i = 0; i < 20 && !question.Text.Contains("Начать?", StringComparison.Ordinal); i++)
        {
            var data = question.Buttons.Select(b => b.Data).First(d => d.EndsWith(":go", StringComparison.Ordinal) || d.EndsWith(":n:p", StringComparison.Ordinal)
                || d.EndsWith(":0", StringComparison.Ordinal) || d.EndsWith(":c", StringComparison.Ordinal));
            question = (await chat.TapAsync(data))[^1];
        }

        question.Text.Should().Contain("Начать?");
        return question;
    }

    public static async Task<ClientImport> WaitDoneAsync(ChatCrmApp app, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (DateTime.UtcNow < until)
        {
            var import = await app.QueryAsync(db => db.Imports.AsNoTracking().OrderByDescending(i => i.Id).FirstAsync());
            if (import.Status == ImportStatus.Done)
            {
                return import;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The import did not finish");
    }

    public static async Task<string> ReportAsync(ChatCrmApp app, Chat chat)
    {
        var said = await SaidSinceAsync(app, chat, 0);
        return said.Last(s => s.Text.Contains("Импорт завершён", StringComparison.Ordinal) || s.Text.Contains("Import done", StringComparison.Ordinal)).Plain;
    }
}
