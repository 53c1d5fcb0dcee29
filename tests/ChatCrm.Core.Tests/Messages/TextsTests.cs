using System.Reflection;
using System.Text.RegularExpressions;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Domain.Pay;
using ChatCrm.Core.Domain.Users;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Parsing;
using ChatCrm.Core.Spreadsheets;

namespace ChatCrm.Core.Tests.Messages;

public sealed partial class TextsTests
{
    private const string Evil = "<b>Evil</b> & Co";

    public static TheoryData<string> Members()
    {
        var data = new TheoryData<string>();
        foreach (var m in typeof(Texts).GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                     .Where(m => m is MethodInfo { IsAbstract: true, IsSpecialName: false } or PropertyInfo { GetMethod.IsAbstract: true })
                     .Select(m => m.Name)
                     .Where(n => n is not (nameof(Texts.Language) or nameof(Texts.Culture) or nameof(Texts.Docs))).Distinct())
        {
            data.Add(m);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Members))]
    public void Every_message_renders_in_both_languages_as_valid_telegram_html(string member)
    {
        var russian = Render(Texts.Russian, member);
        var english = Render(Texts.English, member);

        foreach (var text in russian.Concat(english))
        {
            text.Should().NotBeNullOrWhiteSpace();
            text.Length.Should().BeLessThanOrEqualTo(Reply.MaxLength);
            AssertTelegramHtml(text);
            text.Should().NotContain("<b>Evil</b>", "user values are escaped");
        }

        russian.Should().NotEqual(english, $"{member} should exist in two languages, not one text twice");
    }

    [Fact]
    public void Every_rule_refusal_has_its_own_sentence_in_both_languages()
    {
        foreach (var texts in new[] { Texts.Russian, Texts.English })
        {
            var sentences = Enum.GetValues<DomainError>().Select(e => texts.Error(e, "x")).ToList();
            sentences.Should().OnlyHaveUniqueItems("each refusal says which rule refused");
        }
    }

    [Fact]
    public void Every_command_help_exists_in_both_languages()
    {
        Texts.Russian.Docs.Keys.Should().BeEquivalentTo(Texts.English.Docs.Keys);
        foreach (var doc in Texts.Russian.Docs.Values.Concat(Texts.English.Docs.Values))
        {
            AssertTelegramHtml(doc.Usage);
            doc.Summary.Should().NotContain("<", "menu descriptions are plain text");
            doc.Example.Should().StartWith("/");
        }
    }

    [Fact]
    public void Last_seen_reads_naturally_in_each_language()
    {
        var now = new DateTime(2026, 11, 27, 12, 0, 0, DateTimeKind.Utc);

        Texts.Russian.LastSeen(now.AddDays(-3), now).Should().Be("3 дня назад");
        Texts.English.LastSeen(now.AddDays(-3), now).Should().Be("3 days ago");
        Texts.Russian.LastSeen(null, now).Should().Be("никогда");
    }

    [Theory]
    [InlineData(1, "1 клиент")]
    [InlineData(2, "2 клиента")]
    [InlineData(5, "5 клиентов")]
    [InlineData(11, "11 клиентов")]
    [InlineData(21, "21 клиент")]
    [InlineData(104, "104 клиента")]
    [InlineData(112, "112 клиентов")]
    public void Russian_plurals_pick_the_form_by_the_number(int n, string expected) =>
        Plural.Ru(n, "клиент", "клиента", "клиентов").Should().Be(expected);

    private static List<string> Render(Texts texts, string member)
    {
        var type = texts.GetType();
        if (type.GetProperty(member) is { } property)
        {
            return [(string)property.GetValue(texts)!];
        }

        var method = type.GetMethods().Single(m => m.Name == member && m.DeclaringType == type);
        var types = method.GetParameters().Select(p => p.ParameterType).ToList();
        var variants = types.Contains(typeof(InviteState)) ? Enum.GetValues<InviteState>().Cast<object>()
            : types.Contains(typeof(DomainError)) ? Enum.GetValues<DomainError>().Cast<object>()
            : types.Contains(typeof(Role)) ? Enum.GetValues<Role>().Cast<object>()
            : types.Contains(typeof(CatalogKind)) ? Enum.GetValues<CatalogKind>().Cast<object>()
            : types.Contains(typeof(PeriodProblem)) ? Enum.GetValues<PeriodProblem>().Cast<object>()
            : types.Contains(typeof(ImportFileProblem)) ? Enum.GetValues<ImportFileProblem>().Cast<object>()
            : types.Contains(typeof(ImportField)) ? Enum.GetValues<ImportField>().Cast<object>()
            : types.Contains(typeof(ImportRejectionKind)) ? Enum.GetValues<ImportRejectionKind>().Cast<object>()
            : types.Contains(typeof(DuplicateClass)) ? Enum.GetValues<DuplicateClass>().Cast<object>()
            : types.Contains(typeof(DuplicateChoice)) ? Enum.GetValues<DuplicateChoice>().Cast<object>()
            : types.Contains(typeof(PayLine)) ? Enum.GetValues<PayLineKind>().Cast<object>()
            : types.Contains(typeof(PayProblem)) ? Enum.GetValues<PayError>().SelectMany(e => Enum.GetValues<PayRuleKind>().Select(r => (object)(e, r)))
            : [null!];
        return variants.Select(v => (string)method.Invoke(texts, method.GetParameters().Select(p => Sample(p.ParameterType, v)).ToArray())!).ToList();
    }

    private static object? Sample(Type type, object? variant) => type switch
    {
        _ when type == typeof(string) => Evil,
        _ when type == typeof(Role) => variant as Role? ?? Role.Head,
        _ when type == typeof(InviteState) => variant as InviteState? ?? InviteState.Used,
        _ when type == typeof(DomainError) => variant as DomainError? ?? DomainError.DealClosed,
        _ when type == typeof(int) => 3,
        _ when type == typeof(int?) => variant as int? ?? 3,
        _ when type == typeof(long) => 42L,
        _ when type == typeof(decimal) => 150_000.5m,
        _ when type == typeof(decimal?) => 1_000_000m,
        _ when type == typeof(CatalogKind) => variant as CatalogKind? ?? CatalogKind.Segment,
        _ when type == typeof(PeriodProblem) => variant as PeriodProblem? ?? PeriodProblem.Unknown,
        _ when type == typeof(bool) => true,
        _ when type == typeof(ImportFileProblem) => variant as ImportFileProblem? ?? ImportFileProblem.TooBig,
        _ when type == typeof(ImportField) => variant as ImportField? ?? ImportField.Phone,
        _ when type == typeof(ImportRejectionKind) => variant as ImportRejectionKind? ?? ImportRejectionKind.FormulaCell,
        _ when type == typeof(DuplicateClass) => variant as DuplicateClass? ?? DuplicateClass.InFile,
        _ when type == typeof(DuplicateChoice) => variant as DuplicateChoice? ?? DuplicateChoice.Merge,
        _ when type == typeof(DateTime) || type == typeof(DateTime?) => new DateTime(2026, 12, 25, 15, 0, 0, DateTimeKind.Utc),
        _ when type == typeof(decimal) => 1234567.5m,
        _ when type == typeof(int?) => 42,
        _ when type == typeof(double?) => 12.5,
        _ when type == typeof(SnoozeReason) => SnoozeReason.WaitingForThem,
        _ when type == typeof(QuietHours) => new QuietHours(new TimeOnly(21, 0), new TimeOnly(8, 0)),
        _ when type == typeof(decimal) => 150_000m,
        _ when type == typeof(IReadOnlyList<string>) => new[] { Evil, "call" },
        _ when type == typeof(AgeBucket) => AgeBucket.Days31To60,
        _ when type == typeof(DateOnly) => new DateOnly(2026, 11, 1),
        _ when type == typeof(PayLine) => new PayLine(variant as PayLineKind? ?? PayLineKind.Revenue, 7, 150_000.5m, 5, 7_500.03m),
        _ when type == typeof(PayProblem) && variant is (PayError error, PayRuleKind rule) => new PayProblem(error, rule, 7, Evil),
        _ when type == typeof(NextTier) => new NextTier(new PayTier(80, 100, 5), 30_000.01m),
        _ => throw new InvalidOperationException($"No sample for {type}"),
    };

    [GeneratedRegex(@"<(/?)([a-z\-]+)(?:\s[^>]*)?>")]
    private static partial Regex Tag();

    /// <summary>Telegram rejects a whole message for one unknown or unbalanced tag, or a stray &lt; or &amp;.</summary>
    internal static void AssertTelegramHtml(string html)
    {
        string[] allowed = ["b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "code", "pre", "a", "blockquote", "tg-spoiler"];
        var open = new Stack<string>();
        foreach (Match m in Tag().Matches(html))
        {
            allowed.Should().Contain(m.Groups[2].Value, $"Telegram knows no <{m.Groups[2].Value}> in: {html}");
            if (m.Groups[1].Value == "/")
            {
                open.Should().NotBeEmpty($"a closing tag without an opening one in: {html}");
                open.Pop().Should().Be(m.Groups[2].Value, $"tags must nest in: {html}");
            }
            else
            {
                open.Push(m.Groups[2].Value);
            }
        }

        open.Should().BeEmpty($"every tag must be closed in: {html}");
        var withoutTags = Tag().Replace(html, "");
        withoutTags.Should().NotContain("<", $"a stray < breaks HTML parse mode: {html}");
        Regex.Matches(withoutTags, "&(?!(lt|gt|amp|quot|#\\d+);)").Should().BeEmpty($"a bare & breaks HTML parse mode: {html}");
    }
}
