using ChatCrm.Bot.Data;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Infrastructure;

/// <summary>
/// A SQLite file migrated once per test run, which each test host starts on a copy of: applying every migration to a
/// fresh file took one and a half to two seconds of every test, a copy takes a millisecond. The bot's own start still
/// runs (the migration check, the seed of the process and the admins), just as it does on an existing database.
/// </summary>
public static class SqliteTemplate
{
    private static readonly Lazy<Task<string>> Template = new(CreateAsync);

    /// <summary>The template's path; made on first use.</summary>
    public static Task<string> PathAsync() => Template.Value;

    private static async Task<string> CreateAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "chatcrm-tests", "template-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Left to the OS's temp cleaning.
            }
        };
        var file = Path.Combine(folder, "chatcrm.db");
        // Unpooled: when this context ends the file is closed, its write-ahead log folded in and removed, so the one file
        // is the whole database. WAL is set first, as the bot sets it, because it is stored in the file.
        await using var db = new ChatCrmDbContext(new DbContextOptionsBuilder<ChatCrmDbContext>()
            .UseSqlite($"Data Source={file};Pooling=False").Options);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;");
        await db.Database.MigrateAsync();
        await db.Database.CloseConnectionAsync();
        return file;
    }
}
