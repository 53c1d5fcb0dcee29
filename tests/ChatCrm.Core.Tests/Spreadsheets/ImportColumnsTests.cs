using ChatCrm.Core.Spreadsheets;

namespace ChatCrm.Core.Tests.Spreadsheets;

public sealed class ImportColumnsTests
{
    [Theory]
    [InlineData("Наименование", ImportField.Name)]
    [InlineData("Название компании", ImportField.Name)]
    [InlineData("Компания", ImportField.Name)]
    [InlineData("Клиент", ImportField.Name)]
    [InlineData("Организация", ImportField.Name)]
    [InlineData("Name", ImportField.Name)]
    [InlineData("Company name", ImportField.Name)]
    [InlineData("Телефон", ImportField.Phone)]
    [InlineData("Тел.", ImportField.Phone)]
    [InlineData("Мобильный", ImportField.Phone)]
    [InlineData("Телефон контактного лица", ImportField.Phone)]
    [InlineData("Phone", ImportField.Phone)]
    [InlineData("Tel", ImportField.Phone)]
    [InlineData("E-mail", ImportField.Email)]
    [InlineData("Email", ImportField.Email)]
    [InlineData("Почта", ImportField.Email)]
    [InlineData("Эл. почта", ImportField.Email)]
    [InlineData("Сегмент", ImportField.Segment)]
    [InlineData("Категория", ImportField.Segment)]
    [InlineData("Segment", ImportField.Segment)]
    [InlineData("Ответственный", ImportField.Owner)]
    [InlineData("Менеджер", ImportField.Owner)]
    [InlineData("Менеджер клиента", ImportField.Owner)]
    [InlineData("Owner", ImportField.Owner)]
    [InlineData("Manager", ImportField.Owner)]
    [InlineData("Город", ImportField.City)]
    [InlineData("City", ImportField.City)]
    [InlineData("Контактное лицо", ImportField.ContactPerson)]
    [InlineData("Контакт", ImportField.ContactPerson)]
    [InlineData("Contact person", ImportField.ContactPerson)]
    [InlineData("Примечание", ImportField.Note)]
    [InlineData("Комментарий", ImportField.Note)]
    [InlineData("Note", ImportField.Note)]
    [InlineData("Comment", ImportField.Note)]
    [InlineData("Сумма сделки", ImportField.DealAmount)]
    [InlineData("Сумма", ImportField.DealAmount)]
    [InlineData("Amount", ImportField.DealAmount)]
    [InlineData("Deal amount", ImportField.DealAmount)]
    [InlineData("Этап", ImportField.DealStage)]
    [InlineData("Стадия", ImportField.DealStage)]
    [InlineData("Stage", ImportField.DealStage)]
    [InlineData("Последний контакт", ImportField.LastContact)]
    [InlineData("Дата последнего контакта", ImportField.LastContact)]
    [InlineData("Last contact", ImportField.LastContact)]
    [InlineData("  ТЕЛЕФОН:  ", ImportField.Phone)]
    [InlineData("Ёмкость рынка", ImportField.Skip)]
    [InlineData("ИНН", ImportField.Skip)]
    [InlineData("", ImportField.Skip)]
    public void A_header_in_russian_or_english_names_its_meaning(string header, ImportField expected) =>
        ImportColumns.Guess(header).Should().Be(expected);

    [Fact]
    public void Several_phone_and_email_columns_are_kept_and_a_second_name_column_is_skipped()
    {
        ImportColumns.Detect(["Компания", "Телефон", "Мобильный", "E-mail", "Почта 2", "Клиент", "ИНН"])
            .Should().Equal(ImportField.Name, ImportField.Phone, ImportField.Phone, ImportField.Email, ImportField.Email, ImportField.Skip, ImportField.Skip);
    }

    [Fact]
    public void A_list_of_people_takes_the_full_name_as_the_client_name()
    {
        ImportColumns.Detect(["ФИО", "Телефон", "Город"]).Should().Equal(ImportField.Name, ImportField.Phone, ImportField.City);
        ImportColumns.Detect(["Компания", "ФИО", "Телефон"]).Should().Equal(ImportField.Name, ImportField.ContactPerson, ImportField.Phone);
    }

    [Fact]
    public void An_english_export_maps_every_column()
    {
        ImportColumns.Detect(["Company", "Contact person", "Phone", "Email", "City", "Segment", "Owner", "Deal amount", "Stage", "Last contact", "Comment"])
            .Should().Equal(ImportField.Name, ImportField.ContactPerson, ImportField.Phone, ImportField.Email, ImportField.City, ImportField.Segment,
                ImportField.Owner, ImportField.DealAmount, ImportField.DealStage, ImportField.LastContact, ImportField.Note);
    }

    [Fact]
    public void The_mapping_is_stored_as_names_and_read_back()
    {
        var json = ImportMapping.ToJson([ImportField.Name, ImportField.Phone, ImportField.Skip]);

        json.Should().Be("[\"Name\",\"Phone\",\"Skip\"]");
        ImportMapping.FromJson(json).Should().Equal(ImportField.Name, ImportField.Phone, ImportField.Skip);
        ImportMapping.FromJson("not json").Should().BeEmpty();
    }

    [Fact]
    public void Choosing_a_second_name_column_moves_the_name_to_it()
    {
        ImportMapping.With([ImportField.Name, ImportField.Skip, ImportField.Phone], 1, ImportField.Name)
            .Should().Equal(ImportField.Skip, ImportField.Name, ImportField.Phone);
    }
}
