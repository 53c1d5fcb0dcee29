using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ChatCrm.Bot.Data;
using ChatCrm.Bot.Transport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using User = ChatCrm.Core.Domain.Users.User;

namespace ChatCrm.Bot.Web.Auth;

/// <summary>Interim sign-in (initData only, no age check) until the sign-in branch lands.</summary>
public sealed class WebSignIn(ChatCrmDbContext db, IOptions<TelegramOptions> telegram)
{
    public async Task<User?> UserAsync(HttpContext http, CancellationToken ct)
    {
        var raw = http.Request.Headers["X-Telegram-Init-Data"].ToString();
        if (raw.Length == 0 || telegram.Value.BotToken is not { } token)
        {
            return null;
        }

        var pairs = raw.Split('&').Select(p => p.Split('=', 2)).Where(p => p.Length == 2)
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p[1].Replace('+', ' ')));
        if (!pairs.Remove("hash", out var hash))
        {
            return null;
        }

        var check = string.Join('\n', pairs.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
        var secret = HMACSHA256.HashData(Encoding.UTF8.GetBytes("WebAppData"), Encoding.UTF8.GetBytes(token));
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(check)));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(hash)) || !pairs.TryGetValue("user", out var json))
        {
            return null;
        }

        var id = JsonDocument.Parse(json).RootElement.GetProperty("id").GetInt64();
        return await db.Users.FirstOrDefaultAsync(u => u.TelegramId == id && u.IsActive, ct);
    }
}
