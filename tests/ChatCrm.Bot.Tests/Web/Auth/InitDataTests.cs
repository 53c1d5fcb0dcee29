using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Bot.Web.Auth;

namespace ChatCrm.Bot.Tests.Web.Auth;

/// <summary>Telegram's initData rule, checked against a signer written from Telegram's documentation (<see cref="InitDataSigner"/>).</summary>
public sealed class InitDataTests
{
    private const long Ivan = 2001;
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan MaxAge = TimeSpan.FromHours(1);
    private static readonly byte[] Key = InitData.SecretKey(FakeBotApi.Token);

    private static InitDataCheck Check(string? raw) => InitData.Validate(raw, Key, Now, MaxAge);

    [Fact]
    public void A_launch_signed_with_the_bots_token_gives_its_user()
    {
        var check = Check(InitDataSigner.For(Ivan, Now.AddMinutes(-5)));

        check.IsValid.Should().BeTrue($"it was refused as {check.Refusal}");
        check.TelegramUserId.Should().Be(Ivan);
    }

    [Fact]
    public void Spaces_encoded_as_plus_and_names_in_any_script_are_read_the_way_Telegram_signed_them()
    {
        var fields = InitDataSigner.Fields(Ivan, Now.AddMinutes(-1), firstName: "Анна Мария & Co = ok?");

        Check(InitDataSigner.Sign(fields, plusForSpace: true)).TelegramUserId.Should().Be(Ivan);
        Check(InitDataSigner.Sign(fields)).TelegramUserId.Should().Be(Ivan);
    }

    [Fact]
    public void A_launch_signed_with_another_bots_token_is_refused()
    {
        var forged = InitDataSigner.For(Ivan, Now.AddMinutes(-5), token: "654321:ANOTHER-bots-token_1");

        Check(forged).Refusal.Should().Be(InitDataRefusal.BadSignature);
    }

    [Theory]
    [InlineData("user")]
    [InlineData("auth_date")]
    [InlineData("query_id")]
    [InlineData("signature")]
    public void Changing_any_one_field_after_signing_breaks_the_signature(string field)
    {
        var fields = InitDataSigner.Fields(Ivan, Now.AddMinutes(-5));
        var hash = InitDataSigner.Hash(fields, FakeBotApi.Token);
        fields[field] = field switch
        {
            "user" => fields["user"].Replace($"\"id\":{Ivan}", "\"id\":1001", StringComparison.Ordinal),
            "auth_date" => Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => fields[field] + "x",
        };

        var check = Check(InitDataSigner.Encode(fields.Append(new("hash", hash))));

        check.Refusal.Should().Be(InitDataRefusal.BadSignature);
    }

    [Fact]
    public void A_field_added_after_signing_breaks_the_signature()
    {
        var raw = InitDataSigner.For(Ivan, Now.AddMinutes(-5)) + "&chat_type=private";

        Check(raw).Refusal.Should().Be(InitDataRefusal.BadSignature);
    }

    [Fact]
    public void A_hash_of_the_right_length_but_wrong_bytes_is_refused()
    {
        var fields = InitDataSigner.Fields(Ivan, Now.AddMinutes(-5));
        var hash = InitDataSigner.Hash(fields, FakeBotApi.Token);
        var flipped = (hash[0] == '0' ? "1" : "0") + hash[1..];

        Check(InitDataSigner.Encode(fields.Append(new("hash", flipped)))).Refusal.Should().Be(InitDataRefusal.BadSignature);
        Check(InitDataSigner.Encode(fields)).Refusal.Should().Be(InitDataRefusal.BadSignature, "no hash at all");
    }

    [Fact]
    public void A_launch_older_than_the_maximum_age_is_refused_and_one_just_inside_it_is_not()
    {
        Check(InitDataSigner.For(Ivan, Now.AddHours(-2))).Refusal.Should().Be(InitDataRefusal.Stale);
        Check(InitDataSigner.For(Ivan, Now - MaxAge - TimeSpan.FromSeconds(1))).Refusal.Should().Be(InitDataRefusal.Stale);
        Check(InitDataSigner.For(Ivan, Now - MaxAge + TimeSpan.FromSeconds(1))).IsValid.Should().BeTrue();
    }

    [Fact]
    public void A_launch_dated_in_the_future_is_refused_beyond_a_small_skew()
    {
        Check(InitDataSigner.For(Ivan, Now.AddMinutes(10))).Refusal.Should().Be(InitDataRefusal.FromTheFuture);
        Check(InitDataSigner.For(Ivan, Now.AddSeconds(20))).IsValid.Should().BeTrue("Telegram's clock may run a little ahead of ours");
    }

    [Fact]
    public void A_signed_launch_without_auth_date_is_refused()
    {
        var fields = InitDataSigner.Fields(Ivan, Now);
        fields.Remove("auth_date");

        Check(InitDataSigner.Sign(fields)).Refusal.Should().Be(InitDataRefusal.NoAuthDate);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("""{"first_name":"Иван"}""")]
    [InlineData("""{"id":"2001"}""")]
    [InlineData("""{"id":-5}""")]
    [InlineData("[2001]")]
    [InlineData("not json")]
    public void A_signed_launch_without_a_user_with_a_numeric_id_is_refused(string? user)
    {
        var fields = InitDataSigner.Fields(Ivan, Now);
        if (user is null)
        {
            fields.Remove("user");
        }
        else
        {
            fields["user"] = user;
        }

        Check(InitDataSigner.Sign(fields)).Refusal.Should().Be(InitDataRefusal.NoUser);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("=1&hash=00")]
    [InlineData("a=1&a=2")]
    [InlineData("&&&")]
    [InlineData("hash=zz")]
    [InlineData("user=%7B%22id%22%3A2001%7D&auth_date=1796288400&hash=not-hex-not-hex-not-hex-not-hex-not-hex-not-hex-not-hex-not-hex-")]
    public void Garbage_is_refused(string? raw)
    {
        Check(raw).IsValid.Should().BeFalse();
    }

    [Fact]
    public void A_repeated_field_is_refused_even_when_one_of_its_copies_is_signed()
    {
        var raw = InitDataSigner.For(Ivan, Now.AddMinutes(-5)) + "&user=" + Uri.EscapeDataString("""{"id":1001}""");

        Check(raw).Refusal.Should().Be(InitDataRefusal.Malformed);
    }

    [Fact]
    public void An_overlong_text_is_refused_without_being_read()
    {
        var fields = InitDataSigner.Fields(Ivan, Now);
        fields["padding"] = new string('x', InitData.MaxLength);

        Check(InitDataSigner.Sign(fields)).Refusal.Should().Be(InitDataRefusal.Malformed);
    }
}
