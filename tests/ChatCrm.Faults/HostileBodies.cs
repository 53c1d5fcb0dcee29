using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ChatCrm.Bot.Features;

namespace ChatCrm.Faults;

/// <summary>One generated webhook body: what kind of damage it carries, and its bytes as they go on the wire.</summary>
public sealed record HostileBody(string Kind, byte[] Bytes, string ContentType = "application/json")
{
    public override string ToString()
    {
        var text = Encoding.UTF8.GetString(Bytes);
        return $"{Kind}: {(text.Length > 300 ? text[..300] + $"… ({Bytes.Length:N0} bytes)" : text)}";
    }
}

/// <summary>
/// A deterministic corpus of malformed and hostile webhook bodies: the same seed gives the same bodies. Each kind of
/// damage is a generator; bodies take the generators in turn, so every kind is in even a short corpus.
/// </summary>
public static class HostileBodies
{
    public const long Admin = 1001;
    public const long Manager = 2001;

    // Out-of-range, negative, fractional and textual numbers: what an int/long parse must survive.
    private static readonly string[] HugeNumbers =
    [
        "99999999999999999999999", "1e400", "-1e400", "9223372036854775808", "-9223372036854775809", "18446744073709551616",
        "9007199254740993", "1.7976931348623157e308", "4.9e-324", "0.5", "-0", "2147483648", "-2147483649", "1E+30",
    ];

    private static readonly string[] OutOfRangeArguments =
    [
        "#c99999999999999999999999", "#c-1", "#c0", "#c9223372036854775808", "#c1e9", "99999999999999999999999", "-1", "0",
        "9223372036854775807", "#d99999999999999999999", "1e400", "NaN", "∞", "#c٣", "#c１２３", "%00", "' OR 1=1 --",
        "\"; DROP TABLE Clients; --", "../../etc/passwd", "<b>bold</b><script>", "&amp;&lt;&#0;", "${jndi:ldap://x}", "{{7*7}}",
    ];

    private static readonly string[] HostileText =
    [
        "\u0000", "\u0001\u0002\u0003", "\u0007bell", "\u001b[31mred\u001b[0m", "\u202eevil\u202c", "\ufeffbom", "\u200b\u200c\u200d",
        "\ud83d\ude00", "e\u0301\u0301\u0301\u0301", "\r\n\r\n", "\t\v\f", "\u2028\u2029", "\uffff\ufffe", "𝕳𝖊𝖑𝖑𝖔",
    ];

    private static readonly string[] RawBodies =
    [
        "", " ", "null", "[]", "[{}]", "{}", "0", "-1", "\"update\"", "true", "{\"update_id\":}", "{\"update_id\":1,}", "{'update_id':1}",
        "{\"update_id\":1}{\"update_id\":2}", "\ufeff{\"update_id\":5}", "{\"update_id\":null}", "{\"update_id\":\"1\"}", "<xml/>",
        "update_id=1&message=hi", "{\"update_id\":1,\"update_id\":2}", "{\"__proto__\":{\"admin\":true},\"update_id\":3}",
    ];

    private static readonly string[] UnknownKinds =
    [
        "unknown_kind", "business_message", "message_reaction", "message_reaction_count", "poll", "poll_answer", "chat_join_request",
        "chat_boost", "removed_chat_boost", "purchased_paid_media", "inline_query", "chosen_inline_result", "shipping_query",
        "pre_checkout_query", "deleted_business_messages", "edited_channel_post", "chat_member",
    ];

    private static readonly Func<Random, int, HostileBody>[] Generators =
    [
        Truncated, BrokenSyntax, WrongType, HugeNumber, WithoutSenderOrChat, PolymorphicWithoutType, UnknownKind, DeeplyNested,
        HugeString, ControlCharacters, InvalidUtf8, ForgedCallback, OutOfRangeCommand, Raw, OddButValid,
    ];

    public static IReadOnlyList<HostileBody> Generate(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(i => Generators[i % Generators.Length](random, i)).ToList();
    }

    private static long Sender(Random r) => r.Next(4) switch
    {
        0 => Admin,
        1 => Manager,
        2 => 3_000_000 + r.Next(1000),
        _ => r.NextInt64(1, long.MaxValue),
    };

    private static int NextUpdateId(Random r) => r.Next(100_000_000, 2_000_000_000);

    private static JsonObject User(long id, Random r) => new()
    {
        ["id"] = id,
        ["is_bot"] = false,
        ["first_name"] = r.Next(2) == 0 ? "Иван" : "Mallory",
        ["language_code"] = r.Next(3) == 0 ? "en" : "ru",
    };

    private static JsonObject Message(Random r, long from, string text)
    {
        var message = new JsonObject
        {
            ["message_id"] = r.Next(1, 1_000_000),
            ["from"] = User(from, r),
            ["chat"] = new JsonObject { ["id"] = from, ["type"] = "private", ["first_name"] = "Иван" },
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["text"] = text,
        };
        if (text.StartsWith('/'))
        {
            var length = text.IndexOf(' ') is var space and > 0 ? space : text.Length;
            message["entities"] = new JsonArray(new JsonObject { ["offset"] = 0, ["length"] = length, ["type"] = "bot_command" });
        }

        return message;
    }

    /// <summary>A well-formed update of one of the kinds the bot handles, to be damaged.</summary>
    private static JsonObject Valid(Random r)
    {
        var from = Sender(r);
        var update = new JsonObject { ["update_id"] = NextUpdateId(r) };
        switch (r.Next(5))
        {
            case 0:
            case 1:
                update["message"] = Message(r, from, Command(r) + " " + Pick(r, OutOfRangeArguments));
                break;
            case 2:
                update["callback_query"] = new JsonObject
                {
                    ["id"] = r.NextInt64().ToString(CultureInfo.InvariantCulture),
                    ["from"] = User(from, r),
                    ["chat_instance"] = "1",
                    ["data"] = Pick(r, CommandTable.Callbacks).Prefix + ":" + r.Next(),
                    ["message"] = new JsonObject
                    {
                        ["message_id"] = r.Next(1, 100_000),
                        ["chat"] = new JsonObject { ["id"] = from, ["type"] = "private" },
                        ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                        ["text"] = "…",
                    },
                };
                break;
            case 3:
                update["my_chat_member"] = new JsonObject
                {
                    ["chat"] = new JsonObject { ["id"] = from, ["type"] = "private" },
                    ["from"] = User(from, r),
                    ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                    ["old_chat_member"] = new JsonObject { ["status"] = "member", ["user"] = User(FakeBotId, r) },
                    ["new_chat_member"] = new JsonObject { ["status"] = "kicked", ["user"] = User(FakeBotId, r), ["until_date"] = 0 },
                };
                break;
            default:
                var edited = Message(r, from, "/card Ромашка");
                edited["edit_date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
                update["edited_message"] = edited;
                break;
        }

        return update;
    }

    private const long FakeBotId = 7000001;

    private static string Command(Random r) => "/" + Pick(r, CommandTable.Commands).Name;

    private static T Pick<T>(Random r, IReadOnlyList<T> items) => items[r.Next(items.Count)];

    private static HostileBody Json(string kind, JsonNode node) => new(kind, Encoding.UTF8.GetBytes(node.ToJsonString()));

    private static HostileBody Text(string kind, string text) => new(kind, Encoding.UTF8.GetBytes(text));

    /// <summary>The object under the update's kind (message, callback_query, …).</summary>
    private static JsonObject Payload(JsonObject update) => (JsonObject)update.First(p => p.Key != "update_id").Value!;

    private static HostileBody Truncated(Random r, int i)
    {
        var json = Valid(r).ToJsonString();
        return Text("truncated JSON", json[..r.Next(1, json.Length - 1)]);
    }

    private static HostileBody BrokenSyntax(Random r, int i)
    {
        var json = new StringBuilder(Valid(r).ToJsonString());
        var damage = "{}[],:\"\\'x\u0000 ";
        for (var k = r.Next(1, 4); k > 0; k--)
        {
            var at = r.Next(json.Length);
            switch (r.Next(3))
            {
                case 0:
                    json[at] = damage[r.Next(damage.Length)];
                    break;
                case 1:
                    json.Insert(at, damage[r.Next(damage.Length)]);
                    break;
                default:
                    json.Remove(at, 1);
                    break;
            }
        }

        return Text("invalid JSON", json.ToString());
    }

    private static HostileBody WrongType(Random r, int i)
    {
        var update = Valid(r);
        JsonNode?[] wrong = ["x", 1.5, true, new JsonArray(), new JsonObject(), null, -1, "1e5", new JsonArray(1, 2)];
        var payload = Payload(update);
        var targets = new List<(JsonObject Owner, string Key)> { (update, "update_id"), (update, update.First(p => p.Key != "update_id").Key) };
        Collect(payload, targets);
        var (owner, key) = Pick(r, targets);
        owner[key] = wrong[r.Next(wrong.Length)]?.DeepClone();
        return Json("wrong type at " + key, update);
    }

    private static void Collect(JsonObject node, List<(JsonObject, string)> into)
    {
        foreach (var (key, value) in node.ToList())
        {
            into.Add((node, key));
            if (value is JsonObject child)
            {
                Collect(child, into);
            }
        }
    }

    private static HostileBody HugeNumber(Random r, int i)
    {
        var update = Valid(r);
        var payload = Payload(update);
        var numeric = new List<(JsonObject Owner, string Key)> { (update, "update_id") };
        var all = new List<(JsonObject, string)>();
        Collect(payload, all);
        numeric.AddRange(all.Where(t => t.Item1[t.Item2] is JsonValue v && v.TryGetValue<long>(out _)));
        var (owner, key) = Pick(r, numeric);
        const string marker = "\"__huge__\"";
        owner[key] = "__huge__";
        return Text("huge number at " + key, update.ToJsonString().Replace(marker, Pick(r, HugeNumbers), StringComparison.Ordinal));
    }

    private static HostileBody WithoutSenderOrChat(Random r, int i)
    {
        var update = Valid(r);
        var payload = Payload(update);
        var kind = update.First(p => p.Key != "update_id").Key;
        var options = new List<string> { "from" };
        if (payload.ContainsKey("chat"))
        {
            options.Add("chat");
        }

        if (payload["message"] is JsonObject)
        {
            options.Add("message");
            options.Add("message.chat");
        }

        var what = Pick(r, options);
        if (what == "message.chat")
        {
            ((JsonObject)payload["message"]!).Remove("chat");
        }
        else
        {
            payload.Remove(what);
            if (r.Next(2) == 0 && what == "from")
            {
                payload.Remove("chat");
                what = "from and chat";
            }
        }

        return Json($"{kind} without {what}", update);
    }

    private static HostileBody PolymorphicWithoutType(Random r, int i)
    {
        var from = Sender(r);
        var update = new JsonObject { ["update_id"] = NextUpdateId(r) };
        string kind;
        switch (r.Next(7))
        {
            case 0:
                update["my_chat_member"] = new JsonObject
                {
                    ["chat"] = new JsonObject { ["id"] = from, ["type"] = "private" },
                    ["from"] = User(from, r),
                    ["date"] = 1,
                    ["old_chat_member"] = new JsonObject { ["status"] = "member", ["user"] = User(FakeBotId, r) },
                    ["new_chat_member"] = new JsonObject { ["user"] = User(FakeBotId, r) },
                };
                kind = "my_chat_member without new_chat_member.status";
                break;
            case 1:
                update["my_chat_member"] = new JsonObject
                {
                    ["chat"] = new JsonObject { ["id"] = from, ["type"] = "private" },
                    ["from"] = User(from, r),
                    ["date"] = 1,
                    ["old_chat_member"] = new JsonObject { ["user"] = User(FakeBotId, r) },
                    ["new_chat_member"] = new JsonObject { ["status"] = "no-such-status", ["user"] = User(FakeBotId, r) },
                };
                kind = "chat member with no or an unknown status";
                break;
            case 2:
                var forwarded = Message(r, from, "/call Ромашка переслано");
                forwarded["forward_origin"] = new JsonObject { ["date"] = 1, ["sender_user"] = User(from, r) };
                update["message"] = forwarded;
                kind = "forward_origin without type";
                break;
            case 3:
                var chatless = Message(r, from, "/help");
                ((JsonObject)chatless["chat"]!).Remove("type");
                update["message"] = chatless;
                kind = "chat without type";
                break;
            case 4:
                var entity = Message(r, from, "/card x");
                entity["entities"] = new JsonArray(new JsonObject { ["offset"] = 0, ["length"] = 5 });
                update["message"] = entity;
                kind = "entity without type";
                break;
            case 5:
                update["message_reaction"] = new JsonObject
                {
                    ["chat"] = new JsonObject { ["id"] = from, ["type"] = "private" },
                    ["message_id"] = 1,
                    ["user"] = User(from, r),
                    ["date"] = 1,
                    ["old_reaction"] = new JsonArray(),
                    ["new_reaction"] = new JsonArray(new JsonObject { ["emoji"] = "👍" }),
                };
                kind = "reaction without type";
                break;
            default:
                var origin = Message(r, from, "hello");
                origin["forward_origin"] = new JsonObject { ["type"] = "no-such-origin", ["date"] = 1 };
                update["message"] = origin;
                kind = "forward_origin of an unknown type";
                break;
        }

        return Json(kind, update);
    }

    private static HostileBody UnknownKind(Random r, int i)
    {
        var kind = Pick(r, UnknownKinds);
        var update = new JsonObject
        {
            ["update_id"] = NextUpdateId(r),
            [kind] = r.Next(3) switch
            {
                0 => new JsonObject(),
                1 => new JsonObject { ["id"] = "1", ["from"] = User(Sender(r), r), ["x"] = new JsonArray(1, "2", null) },
                _ => JsonValue.Create("scalar"),
            },
        };
        return Json("unknown or unhandled kind " + kind, update);
    }

    private static HostileBody DeeplyNested(Random r, int i)
    {
        int[] depths = [65, 200, 1_000, 20_000];
        var depth = depths[r.Next(depths.Length)];
        var array = r.Next(2) == 0;
        var nested = new StringBuilder();
        for (var k = 0; k < depth; k++)
        {
            nested.Append(array ? "[" : "{\"a\":");
        }

        nested.Append('1');
        for (var k = 0; k < depth; k++)
        {
            nested.Append(array ? "]" : "}");
        }

        var where = r.Next(2) == 0 ? "extra" : "text";
        var json = Valid(r).ToJsonString();
        json = json.Insert(json.IndexOf('{', 1) + 1, $"\"{where}\":{nested},");
        return Text($"nested {depth} deep", json);
    }

    private static HostileBody HugeString(Random r, int i)
    {
        int[] lengths = [4_097, 10_000, 65_536, 120_000, 300_000];
        var length = lengths[r.Next(lengths.Length)];
        var letter = r.Next(3) switch { 0 => "a", 1 => "ж", _ => "😀" };
        var huge = string.Concat(Enumerable.Repeat(letter, length / letter.Length));
        var from = Sender(r);
        var update = new JsonObject { ["update_id"] = NextUpdateId(r) };
        string where;
        switch (r.Next(4))
        {
            case 0:
                update["message"] = Message(r, from, "/client " + huge);
                where = "client name";
                break;
            case 1:
                update["message"] = Message(r, from, "/call Ромашка " + huge);
                where = "note";
                break;
            case 2:
                var message = Message(r, from, "/help");
                ((JsonObject)message["from"]!)["first_name"] = huge;
                update["message"] = message;
                where = "first name";
                break;
            default:
                update["message"] = Message(r, from, huge);
                where = "plain text";
                break;
        }

        return Json($"{length:N0} × «{letter}» in the {where}", update);
    }

    private static HostileBody ControlCharacters(Random r, int i)
    {
        var from = Sender(r);
        var nasty = Pick(r, HostileText) + Pick(r, HostileText);
        var text = r.Next(4) switch
        {
            0 => $"/client Ромашка{nasty}ООО",
            1 => $"/call Ромашка {nasty}",
            2 => $"/card {nasty}",
            _ => nasty,
        };
        var message = Message(r, from, text);
        if (r.Next(3) == 0)
        {
            ((JsonObject)message["from"]!)["first_name"] = "Ива" + nasty + "н";
        }

        var json = new JsonObject { ["update_id"] = NextUpdateId(r), ["message"] = message }.ToJsonString();
        // A lone surrogate written as a JSON escape, which no UTF-8 encoder would produce.
        if (r.Next(3) == 0)
        {
            json = json.Replace("Ромашка", "Ромашка\\ud800", StringComparison.Ordinal);
        }

        return Text("control characters", json);
    }

    private static HostileBody InvalidUtf8(Random r, int i)
    {
        byte[][] bad = [[0xFF], [0xC3, 0x28], [0xC0, 0xAF], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0x80], [0xFE, 0xFF]];
        var json = Encoding.UTF8.GetBytes(new JsonObject { ["update_id"] = NextUpdateId(r), ["message"] = Message(r, Sender(r), "/client Ромашка XX") }.ToJsonString());
        var marker = Encoding.UTF8.GetBytes("XX");
        var at = json.AsSpan().IndexOf(marker);
        var bytes = json[..at].Concat(bad[r.Next(bad.Length)]).Concat(json[(at + marker.Length)..]).ToArray();
        return new HostileBody("invalid UTF-8 in a string", bytes);
    }

    private static HostileBody ForgedCallback(Random r, int i)
    {
        var update = Valid(r);
        var from = Sender(r);
        var prefix = Pick(r, CommandTable.Callbacks).Prefix;
        string[] tails = ["", ":", "::::", ":-1", ":99999999999999999999999", ":0:0:0", ":abc", ":" + new string('9', 60), ":%00", ":<b>x</b>", ":1e400", ":💥"];
        var data = r.Next(5) == 0 ? Pick(r, OutOfRangeArguments) : prefix + Pick(r, tails) + Pick(r, tails);
        update.Remove(update.First(p => p.Key != "update_id").Key);
        update["callback_query"] = new JsonObject
        {
            ["id"] = r.NextInt64().ToString(CultureInfo.InvariantCulture),
            ["from"] = User(from, r),
            ["chat_instance"] = "1",
            ["data"] = data,
            ["message"] = r.Next(4) == 0
                ? new JsonObject { ["message_id"] = 1, ["chat"] = new JsonObject { ["id"] = from, ["type"] = "private" }, ["date"] = 0 }
                : new JsonObject
                {
                    ["message_id"] = r.Next(1, 100_000),
                    ["chat"] = new JsonObject { ["id"] = r.Next(2) == 0 ? from : Sender(r), ["type"] = "private" },
                    ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                    ["text"] = "…",
                },
        };
        return Json("forged callback data", update);
    }

    private static HostileBody OutOfRangeCommand(Random r, int i)
    {
        string[] commands = ["/card", "/move", "/won", "/lost", "/deal", "/paid", "/invoice", "/shipped", "/call", "/plan", "/assign", "/role", "/deactivate", "/stage", "/target", "/report"];
        var text = $"{Pick(r, commands)} {Pick(r, OutOfRangeArguments)} {(r.Next(2) == 0 ? Pick(r, OutOfRangeArguments) : "")}".TrimEnd();
        if (i % 30 == 14)
        {
            text = "/card #c99999999999999999999999";
        }

        return Json("out-of-range command", new JsonObject { ["update_id"] = NextUpdateId(r), ["message"] = Message(r, r.Next(2) == 0 ? Admin : Manager, text) });
    }

    private static HostileBody Raw(Random r, int i)
    {
        var body = Pick(r, RawBodies);
        return r.Next(4) == 0 ? new HostileBody("not an update (wrong content type)", Encoding.UTF8.GetBytes(body), "text/plain") : Text("not an update", body);
    }

    private static HostileBody OddButValid(Random r, int i)
    {
        var update = Valid(r);
        var payload = Payload(update);
        string kind;
        switch (r.Next(5))
        {
            case 0:
                update["update_id"] = -r.Next();
                kind = "negative update_id";
                break;
            case 1:
                if (payload["chat"] is JsonObject chat)
                {
                    chat["type"] = r.Next(2) == 0 ? "group" : "channel";
                }

                kind = "not a private chat";
                break;
            case 2:
                if (payload["from"] is JsonObject user)
                {
                    user["is_bot"] = true;
                    user["language_code"] = "xx-YY-ZZZZZZZZ";
                }

                kind = "from a bot";
                break;
            case 3:
                payload["date"] = r.Next(2) == 0 ? 0 : 4_102_444_800;
                kind = "date in 1970 or 2100";
                break;
            default:
                update["extra_field"] = new JsonObject { ["nested"] = new JsonArray("x", 1, null) };
                kind = "unknown extra field";
                break;
        }

        return Json(kind, update);
    }
}
