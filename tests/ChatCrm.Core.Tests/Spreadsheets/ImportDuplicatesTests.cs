using ChatCrm.Core.Spreadsheets;

namespace ChatCrm.Core.Tests.Spreadsheets;

public class ImportDuplicatesTests
{
    private static ImportRow Row(string name, string? phone = null, string? email = null, int number = 2) =>
        new(number, name, phone is null ? [] : [phone], email is null ? [] : [email], null, null, null, null, null, null, null, null);

    [Fact]
    public void A_row_repeating_an_earlier_rows_phone_email_or_folded_name_is_an_in_file_repeat()
    {
        var seen = new FileKeys();
        var rows = new[]
        {
            Row("Ромашка", "+79001234567"),
            Row("Другое имя", "+79001234567"),
            Row("Лютик", email: "a@b.ru"),
            Row("Третье", email: "a@b.ru"),
            Row("ООО «Pомашка»"), // a Latin «P» and a legal form: the same folded name
            Row("Василёк"),
        };

        var classes = rows.Select(r => ImportDuplicates.Classify(r, seen, BaseIndex.Empty, 0).Class).ToList();

        classes.Should().Equal(DuplicateClass.None, DuplicateClass.InFile, DuplicateClass.None, DuplicateClass.InFile, DuplicateClass.InFile, DuplicateClass.None);
    }

    [Fact]
    public void Against_the_base_a_phone_wins_over_an_email_and_an_email_over_a_name()
    {
        var existing = new BaseIndex([("+79001234567", 10)], [("a@b.ru", 11)], [(12, "ромашка"), (13, "альфа строй")]);

        existing.Find(Row("Ромашка", "+79001234567", "a@b.ru")).Should().Be(new BaseMatch(10, DuplicateClass.BasePhone));
        existing.Find(Row("Ромашка", email: "a@b.ru")).Should().Be(new BaseMatch(11, DuplicateClass.BaseEmail));
        existing.Find(Row("ООО Ромашка")).Should().Be(new BaseMatch(12, DuplicateClass.SimilarName));
        existing.Find(Row("Альфа-Строй")).Should().Be(new BaseMatch(13, DuplicateClass.SimilarName), "punctuation folds away");
        existing.Find(Row("Альфа Стройй")).Should().Be(new BaseMatch(13, DuplicateClass.SimilarName), "a typo on the same first word is near-identical");
        existing.Find(Row("Альта Строй")).Should().BeNull("another first word is another company");
        existing.Find(Row("Василёк")).Should().BeNull();
    }

    [Fact]
    public void Clients_the_import_itself_created_are_not_the_base()
    {
        var existing = new BaseIndex([("+79001234567", 50)], [], []);

        ImportDuplicates.Classify(Row("Ромашка", "+79001234567"), new FileKeys(), existing, baseline: 40).Class.Should().Be(DuplicateClass.None);
        ImportDuplicates.Classify(Row("Ромашка", "+79001234567"), new FileKeys(), existing, baseline: 50).Class.Should().Be(DuplicateClass.BasePhone);
    }

    [Fact]
    public void An_in_file_repeat_is_counted_as_such_even_when_the_base_also_has_it()
    {
        var existing = new BaseIndex([("+79001234567", 5)], [], []);
        var seen = new FileKeys();

        ImportDuplicates.Classify(Row("Ромашка", "+79001234567"), seen, existing, 10).Class.Should().Be(DuplicateClass.BasePhone);
        ImportDuplicates.Classify(Row("Ромашка", "+79001234567"), seen, existing, 10).Class.Should().Be(DuplicateClass.InFile);
    }

    [Fact]
    public void Every_class_merges_unless_told_otherwise()
    {
        foreach (var @class in Enum.GetValues<DuplicateClass>().Where(c => c != DuplicateClass.None))
        {
            ImportDuplicates.DefaultChoice(@class).Should().Be(DuplicateChoice.Merge);
        }
    }
}
