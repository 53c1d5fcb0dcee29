using ChatCrm.Bot.Data;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Hosting;

/// <summary>
/// Runs after <see cref="DatabaseInitializer"/> when the bot talks to Telegram (the terminal chat makes its own admin).
/// </summary>
internal sealed class FirstRunCheck(IServiceScopeFactory scopes, IOptions<CrmOptions> crm, IConfiguration config, ILogger<FirstRunCheck> log)
    : IHostedService
{
    /// <summary>
    /// With no admin, nobody can invite anyone or change a setting, and the bot only tells strangers it does not know
    /// them: the owner is locked out without a word. Said at every start until an admin exists. A single value given to
    /// the list (<c>Crm__AdminTelegramIds=123</c>, which binds to nothing) is named as the likely cause.
    /// </summary>
    public async Task StartAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ChatCrmDbContext>();
        if (crm.Value.AdminTelegramIds.Length > 0 || await db.Users.AnyAsync(u => u.IsActive && u.Role == Role.Admin, ct))
        {
            return;
        }

        var key = $"{CrmOptions.Section}:{nameof(CrmOptions.AdminTelegramIds)}";
        if (config[key] is { Length: > 0 } single)
        {
            log.LogWarning("No admin is configured: {Key} is a list, so the single value '{Value}' binds to nothing. "
                + "Set the environment variable Crm__AdminTelegramIds__0={Value} (then __1, __2 for more admins) and restart",
                key, single, single);
            return;
        }

        log.LogWarning("No admin is configured and nobody in the database is an admin, so nobody can use the bot. "
            + "Set your numeric Telegram id (@userinfobot tells it) as Crm__AdminTelegramIds__0=<id> in the environment, "
            + "or {Json} in appsettings.Local.json, and restart", "\"Crm\": { \"AdminTelegramIds\": [ <id> ] }");
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
