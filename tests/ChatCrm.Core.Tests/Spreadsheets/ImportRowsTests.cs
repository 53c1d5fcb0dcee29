using ChatCrm.Core.Messages;
using ChatCrm.Core.Spreadsheets;

namespace ChatCrm.Core.Tests.Spreadsheets;

public sealed class ImportRowsTests
{
    private static readonly ImportField[] Mapping =
    [
        ImportField.Name, ImportField.Phone, ImportField.Email, ImportField.Segment, ImportField.Owner, ImportField.City,
        ImportField.ContactPerson, ImportField.Note, ImportField.DealAmount, ImportField.DealStage, ImportField.LastContact, ImportField.Skip,
    ];

    private static ImportRead Read(params string[] cells) =>
        ImportRows.Read(new ImportSheet([.. Mapping.Select(f => f.ToString())], [cells]), 0, Mapping);

    [Fact]
    public void A_full_row_is_read_normalised()
    {
        var read = Read("  ООО Ромашка ", "8 (900) 123-45-67; +7 901 000-00-01", "Info@Romashka.RU, sale@romashka.ru", "Опт", "Иван Петров", "Москва",
            "Анна", "Просили КП", "150 000", "Переговоры", "15.01.2026", "=anything in a skipped column");

        read.IsRejected.Should().BeFalse();
        read.Row.Should().BeEquivalentTo(new ImportRow(2, "ООО Ромашка", ["+79001234567", "+79010000001"], ["info@romashka.ru", "sale@romashka.ru"],
            "Опт", "Иван Петров", "Москва", "Анна", "Просили КП", 150_000m, "Переговоры", new DateOnly(2026, 1, 15)));
    }

    [Theory]
    [InlineData("150к", 150_000)]
    [InlineData("1,5 млн", 1_500_000)]
    [InlineData("150000.5", 150_000.5)]
    [InlineData("150 000", 150_000)]
    public void Amounts_are_read_the_way_people_write_them(string cell, double expected) =>
        Read("Альфа", "", "", "", "", "", "", "", cell).Row!.DealAmount.Should().Be((decimal)expected);

    [Theory]
    [InlineData("15.01.2026")]
    [InlineData("2026-01-15")]
    [InlineData("15.01.2026 10:30")]
    [InlineData("5.1.2026", 5)]
    public void Dates_are_read_in_the_usual_forms(string cell, int day = 15) =>
        Read("Альфа", "", "", "", "", "", "", "", "", "", cell).Row!.LastContact.Should().Be(new DateOnly(2026, 1, day));

    [Fact]
    public void A_phone_stored_as_a_number_is_a_phone() =>
        Read("Альфа", "79001234567").Row!.Phones.Should().Equal("+79001234567");

    [Theory]
    [InlineData(0, "=HYPERLINK(\"http://evil\",\"x\")")]
    [InlineData(7, "=1+1")]
    [InlineData(7, "+cmd|' /C calc'!A0")]
    [InlineData(6, "@SUM(A1)")]
    [InlineData(1, "=HYPERLINK(\"tel:1\")")]
    [InlineData(8, "-2+3")]
    public void A_formula_like_cell_rejects_the_row(int column, string cell)
    {
        var cells = new string[Mapping.Length];
        Array.Fill(cells, "");
        cells[0] = "Альфа";
        cells[column] = cell;

        var read = Read(cells);

        read.Rejection.Should().BeEquivalentTo(new ImportRejection(2, ImportRejectionKind.FormulaCell, cell));
    }

    [Fact]
    public void A_phone_with_a_plus_and_a_negative_number_are_not_formulas()
    {
        Read("Альфа", "+7 900 123-45-67").Row!.Phones.Should().Equal("+79001234567");
        ImportRows.IsFormula("-1500", ImportField.Note).Should().BeFalse();
        ImportRows.IsFormula("@vasya_petrov", ImportField.Owner).Should().BeFalse("an owner may be named by the Telegram username");
        ImportRows.IsFormula("@vasya_petrov", ImportField.Note).Should().BeTrue();
        ImportRows.IsFormula("@SUM(A1:A9)", ImportField.Owner).Should().BeTrue();
        ImportRows.IsFormula("+7 900 123-45-67", ImportField.Note).Should().BeTrue("outside a phone column a leading + may start a formula");
    }

    [Fact]
    public void Each_bad_row_says_why()
    {
        Read("", "+7 900 123-45-67").Rejection!.Kind.Should().Be(ImportRejectionKind.NoName);
        Read(new string('я', 201)).Rejection!.Kind.Should().Be(ImportRejectionKind.NameTooLong);
        Read("Альфа", "12345").Rejection.Should().BeEquivalentTo(new ImportRejection(2, ImportRejectionKind.BadPhone, "12345"));
        Read("Альфа", "", "not-an-email").Rejection!.Kind.Should().Be(ImportRejectionKind.BadEmail);
        Read("Альфа", "", "", "", "", "", "", "", "много").Rejection!.Kind.Should().Be(ImportRejectionKind.BadAmount);
        Read("Альфа", "", "", "", "", "", "", "", "", "", "31.02.2026").Rejection!.Kind.Should().Be(ImportRejectionKind.BadDate);
        Read("Альфа", "+79000000001, +79000000002, +79000000003, +79000000004, +79000000005, +79000000006").Rejection!.Kind
            .Should().Be(ImportRejectionKind.TooManyPhones);
        Read("Альфа", "", "", "", "", new string('г', 101)).Rejection!.Kind.Should().Be(ImportRejectionKind.TooLong);
    }

    [Fact]
    public void A_dash_is_an_empty_cell_and_the_row_number_counts_the_header()
    {
        var sheet = new ImportSheet(["Название", "Телефон"], [["Альфа", "-"], ["Бета", "—"]]);

        var read = ImportRows.Read(sheet, 1, [ImportField.Name, ImportField.Phone]);

        read.Row!.RowNumber.Should().Be(3);
        read.Row.Phones.Should().BeEmpty();
    }

    [Fact]
    public void A_blank_row_is_neither_a_client_nor_a_rejection()
    {
        var read = ImportRows.Read(["", " ", "-"], 7, [ImportField.Name, ImportField.Phone, ImportField.City]);

        read.IsBlank.Should().BeTrue();
        read.IsRejected.Should().BeFalse();
    }

    [Fact]
    public void Rejection_reasons_name_the_problem_and_the_value_in_both_languages()
    {
        var rejection = new ImportRejection(5, ImportRejectionKind.BadPhone, "12345");

        Texts.Russian.ImportRejectionReason(rejection).Should().Be("телефон не читается: «12345»");
        Texts.English.ImportRejectionReason(rejection).Should().Be("the phone number cannot be read: «12345»");
        Texts.Russian.ImportRejectionReason(new ImportRejection(5, ImportRejectionKind.NoName, "")).Should().Be("нет названия клиента");
    }
}
