using System.Text;

namespace ChatCrm.Core.Spreadsheets;

/// <summary>
/// Guesses what each column of a client list means from its header, in Russian or English, the way real lists name
/// them («Наименование», «Тел. моб.», «E-mail», «Дата последнего контакта», «Company name»). The user can correct the
/// guess in the preview; an unknown header is skipped.
/// </summary>
public static class ImportColumns
{
    /// <summary>Fields a list may hold in several columns (a work and a mobile phone); any other field is taken once.</summary>
    private static readonly HashSet<ImportField> Repeatable = [ImportField.Phone, ImportField.Email, ImportField.Note];

    // Checked in this order: «Дата последнего контакта» is a date, not a contact person; «Телефон контактного лица» is
    // a phone; «Менеджер клиента» is the owner, not the client.
    private static readonly (ImportField Field, string[] Phrases, string[] Words, string[] Stems)[] Rules =
    [
        (ImportField.LastContact, ["последний контакт", "дата последнего контакта", "дата контакта", "last contact", "last contacted",
            "last contact date", "date of last contact", "last touch", "последнее касание", "последний звонок", "last call"], [], []),
        (ImportField.Phone, [], ["тел", "моб", "phone", "phones", "tel", "telephone", "mobile", "cell", "whatsapp"],
            ["телефон", "мобильн", "сотов"]),
        (ImportField.Email, ["e mail", "эл почта", "электронная почта", "эл адрес"], ["email", "emails", "mail", "почта", "емейл", "имейл", "емайл", "мейл"], []),
        (ImportField.Owner, [], ["owner", "manager", "responsible", "продавец", "salesperson", "assignee"], ["ответственн", "менеджер", "куратор"]),
        (ImportField.ContactPerson, ["контактное лицо", "contact person", "contact name", "full name", "first name", "имя"],
            ["contact", "контакт", "фио"], ["контактн"]),
        (ImportField.DealAmount, ["сумма", "сумма сделки", "amount", "deal amount", "deal value", "value", "бюджет", "budget", "sum",
            "стоимость", "price", "цена", "revenue", "выручка"], [], ["сумм"]),
        (ImportField.DealStage, ["этап", "этап сделки", "стадия", "стадия сделки", "stage", "deal stage", "статус", "status",
            "статус сделки", "deal status", "pipeline stage", "воронка"], [], []),
        (ImportField.Segment, [], ["segment", "category", "группа", "group", "отрасль", "industry", "type", "тип"], ["сегмент", "категори"]),
        (ImportField.City, [], ["город", "city", "town", "населенный"], []),
        (ImportField.Note, [], ["note", "notes", "comment", "comments", "remark", "remarks", "description", "описание", "заметка", "заметки"],
            ["примечан", "коммент"]),
        (ImportField.Name, [], ["name", "company", "client", "customer", "organization", "organisation", "account", "фирма", "контрагент"],
            ["наименован", "назван", "компани", "клиент", "организац", "покупател", "заказчик"]),
    ];

    /// <summary>One meaning per header, in order. A second name-like column is skipped: the first one names the client.</summary>
    public static ImportField[] Detect(IReadOnlyList<string> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var fields = headers.Select(Guess).ToArray();
        var taken = new HashSet<ImportField>();
        for (var i = 0; i < fields.Length; i++)
        {
            if (fields[i] != ImportField.Skip && !Repeatable.Contains(fields[i]) && !taken.Add(fields[i]))
            {
                fields[i] = ImportField.Skip;
            }
        }

        // A list of people rather than companies names them «ФИО» or «Имя»: with no company column, that is the client.
        if (!taken.Contains(ImportField.Name) && Array.IndexOf(fields, ImportField.ContactPerson) is var person and >= 0)
        {
            fields[person] = ImportField.Name;
        }

        return fields;
    }

    /// <summary>What one header alone suggests.</summary>
    public static ImportField Guess(string? header)
    {
        var phrase = Normalise(header);
        if (phrase.Length == 0)
        {
            return ImportField.Skip;
        }

        var words = phrase.Split(' ');
        foreach (var (field, phrases, exact, stems) in Rules)
        {
            if (phrases.Contains(phrase)
                || words.Any(w => exact.Contains(w) || stems.Any(s => w.StartsWith(s, StringComparison.Ordinal))))
            {
                return field;
            }
        }

        return ImportField.Skip;
    }

    /// <summary>Lower case, ё as е, punctuation as single spaces: «Эл. почта:» and «эл почта» are one header.</summary>
    private static string Normalise(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return "";
        }

        var text = new StringBuilder(header.Length);
        foreach (var c in header.Trim().ToLowerInvariant())
        {
            var letter = c == 'ё' ? 'е' : c;
            if (char.IsLetterOrDigit(letter))
            {
                text.Append(letter);
            }
            else if (text.Length > 0 && text[^1] != ' ')
            {
                text.Append(' ');
            }
        }

        return text.ToString().TrimEnd();
    }
}
