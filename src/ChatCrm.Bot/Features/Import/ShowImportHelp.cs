using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Users;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Spreadsheets;
using MiniExcelLibs;

namespace ChatCrm.Bot.Features.Import;

/// <summary>/import: what to send and which columns are recognised, and a template to fill in.</summary>
public sealed class ShowImportHelp : ICommandHandler
{
    /// <summary>The template's columns, in the order a list usually has them.</summary>
    private static readonly ImportField[] TemplateColumns =
    [
        ImportField.Name, ImportField.Phone, ImportField.Email, ImportField.Segment, ImportField.Owner, ImportField.City,
        ImportField.ContactPerson, ImportField.Note, ImportField.DealAmount, ImportField.DealStage, ImportField.LastContact,
    ];

    public Task HandleAsync(BotContext ctx, string args, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ctx.Reply(ctx.T.ImportHelp());
        ctx.SendDocument(Template(ctx.T), ctx.T.ImportTemplateFileName, ctx.T.ImportTemplateCaption());
        return Task.CompletedTask;
    }

    /// <summary>An XLSX with the headers the column detection recognises and one example row.</summary>
    public static byte[] Template(Texts t)
    {
        ArgumentNullException.ThrowIfNull(t);
        string[] example = t.Language == Language.Ru
            ? ["ООО Ромашка", "+7 900 123-45-67", "info@romashka.ru", "Опт", "Иван Петров", "Москва", "Анна Смирнова, закупки", "Просили КП в марте", "150000", "Переговоры", "15.01.2026"]
            : ["Acme Ltd", "+44 20 7946 0958", "info@acme.example", "Wholesale", "John Smith", "London", "Anna Smith, purchasing", "Asked for a quote in March", "150000", "Negotiation", "15.01.2026"];
        var row = new Dictionary<string, object>();
        for (var i = 0; i < TemplateColumns.Length; i++)
        {
            row[t.ImportTemplateHeader(TemplateColumns[i])] = example[i];
        }

        using var stream = new MemoryStream();
        stream.SaveAs(new[] { row });
        return stream.ToArray();
    }
}
