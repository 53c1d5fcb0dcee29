using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using ChatCrm.Bot.Features.Import;
using ChatCrm.Core.Spreadsheets;
using static ChatCrm.Bot.Tests.Features.Import.ImportTestFiles;

namespace ChatCrm.Bot.Tests.Features.Import;

public sealed class SpreadsheetFilesTests
{
    private static readonly string[] Lines =
    [
        "Название;Телефон;Город",
        "ООО «Ромашка»;+7 900 123-45-67;Москва",
        "ИП Ёлкин;8 901 000-00-01;Санкт-Петербург",
    ];

    [Fact]
    public void Csv_in_utf8_with_semicolons_is_read()
    {
        var sheet = SpreadsheetFiles.Read(Csv(Lines), "clients.csv");

        sheet.Headers.Should().Equal("Название", "Телефон", "Город");
        sheet.Rows.Should().HaveCount(2);
        sheet.Rows[1].Should().Equal("ИП Ёлкин", "8 901 000-00-01", "Санкт-Петербург");
    }

    [Fact]
    public void Csv_in_utf8_with_a_bom_is_read_without_the_bom_in_the_first_header()
    {
        var sheet = SpreadsheetFiles.Read(Csv(Lines, bom: true), "clients.csv");

        sheet.Headers[0].Should().Be("Название");
        ImportColumns.Detect(sheet.Headers)[0].Should().Be(ImportField.Name);
    }

    [Fact]
    public void Csv_in_windows_1251_is_read_as_cyrillic()
    {
        var sheet = SpreadsheetFiles.Read(Csv(Lines, Windows1251), "clients.csv");

        sheet.Headers.Should().Equal("Название", "Телефон", "Город");
        sheet.Rows[0][0].Should().Be("ООО «Ромашка»");
        sheet.Rows[1][0].Should().Be("ИП Ёлкин");
    }

    [Fact]
    public void Csv_with_commas_keeps_quoted_commas_quotes_and_line_breaks_inside_a_field()
    {
        var csv = Csv(["Name,Phone,Note", "\"Acme, Ltd\",+44 20 7946 0958,\"Said \"\"call later\"\"\nsecond line\"", "Beta,,"]);

        var sheet = SpreadsheetFiles.Read(csv, "clients.csv");

        sheet.Headers.Should().Equal("Name", "Phone", "Note");
        sheet.Rows[0].Should().Equal("Acme, Ltd", "+44 20 7946 0958", "Said \"call later\"\nsecond line");
        sheet.Rows[1].Should().Equal("Beta", "", "");
    }

    [Fact]
    public void Xlsx_numbers_and_dates_become_the_text_a_person_sees()
    {
        var xlsx = Xlsx([
            new Dictionary<string, object?>
            {
                ["Компания"] = "Альфа", ["Телефон"] = 79001234567L, ["Сумма"] = 150000.5m, ["Последний контакт"] = new DateTime(2026, 1, 15), ["Кол-во"] = 3,
            },
        ]);

        var sheet = SpreadsheetFiles.Read(xlsx, "clients.xlsx");

        sheet.Headers.Should().Equal("Компания", "Телефон", "Сумма", "Последний контакт", "Кол-во");
        sheet.Rows[0].Should().Equal("Альфа", "79001234567", "150000.5", "15.01.2026", "3");
        ImportRows.Read(sheet, 0, ImportColumns.Detect(sheet.Headers)).Row.Should().BeEquivalentTo(
            new ImportRow(2, "Альфа", ["+79001234567"], [], null, null, null, null, null, 150000.5m, null, new DateOnly(2026, 1, 15)));
    }

    [Fact]
    public void A_blank_row_inside_the_data_keeps_the_row_numbers_and_trailing_blank_rows_go()
    {
        var sheet = SpreadsheetFiles.Read(Csv(["Название;Телефон", "Альфа;", ";", "Бета;", ";", ""]), "clients.csv");

        sheet.Rows.Should().HaveCount(3);
        ImportRows.Read(sheet, 2, [ImportField.Name, ImportField.Phone]).Row!.RowNumber.Should().Be(4);
    }

    [Fact]
    public void Every_bad_file_names_its_problem()
    {
        Problem(Png(), "photo.xlsx").Should().Be(ImportFileProblem.NotASpreadsheet);
        Problem(Random(4096), "data.csv").Should().Be(ImportFileProblem.NotASpreadsheet);
        Problem(Zip("word/document.xml", "<w:document/>"), "letter.xlsx").Should().Be(ImportFileProblem.NotASpreadsheet);
        Problem([], "empty.csv").Should().Be(ImportFileProblem.Empty);
        Problem(Csv(["", "  ", ";;"]), "blank.csv").Should().Be(ImportFileProblem.Empty);
        Problem(Csv(["Название;Телефон"]), "header.csv").Should().Be(ImportFileProblem.HeaderOnly);
        Problem([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. Random(1024)], "old.xls").Should().Be(ImportFileProblem.OldExcel);
        Problem(Csv([string.Join(";", Enumerable.Range(1, 150).Select(i => $"Колонка {i}")), "x"]), "wide.csv").Should().Be(ImportFileProblem.TooManyColumns);
    }

    [Fact]
    public void A_hundred_thousand_rows_read_in_seconds_and_well_under_300_mb()
    {
        var lines = new List<string> { "Название;Телефон;E-mail;Город;Сегмент;Ответственный;Примечание;Сумма" };
        lines.AddRange(Enumerable.Range(0, 100_000).Select(i =>
            $"Клиент номер {i};+7 900 {i / 10000 % 1000:D3}-{i / 100 % 100:D2}-{i % 100:D2};client{i}@example.ru;Москва;Опт;Иван Петров;Заметка про клиента {i};{i * 10}"));
        var csv = Csv(lines);
        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();

        var sheet = SpreadsheetFiles.Read(csv, "big.csv");

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
        sheet.Rows.Should().HaveCount(100_000);
        (GC.GetTotalMemory(forceFullCollection: true) - before).Should().BeLessThan(300L * 1024 * 1024);
        GC.KeepAlive(sheet);
    }

    private static ImportFileProblem? Problem(byte[] content, string fileName)
    {
        try
        {
            SpreadsheetFiles.Read(content, fileName);
            return null;
        }
        catch (ImportFileException e)
        {
            return e.Problem;
        }
    }

    private static byte[] Random(int length)
    {
        var bytes = new byte[length];
        new Random(42).NextBytes(bytes);
        return bytes;
    }

    private static byte[] Zip(string entry, string text)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry(entry).Open(), Encoding.UTF8);
            writer.Write(text);
        }

        return stream.ToArray();
    }
}
