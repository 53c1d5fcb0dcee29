using ChatCrm.Core.Matching;

namespace ChatCrm.Core.Tests.Matching;

public class WordFormsTests
{
    [Theory]
    [InlineData("ромашке", "ромашка")]
    [InlineData("ромашку", "ромашка")]
    [InlineData("ромашкой", "ромашка")]
    [InlineData("ромашки", "ромашка")]
    [InlineData("иванову", "иванов")]
    [InlineData("ивановым", "иванов")]
    [InlineData("иванова", "иванов")]
    [InlineData("ивановой", "иванова")]
    [InlineData("петру", "петр")]
    [InlineData("петром", "петр")]
    [InlineData("алексею", "алексей")]
    [InlineData("кремлю", "кремль")]
    [InlineData("северному", "северный")]
    [InlineData("северной", "северная")]
    [InlineData("марии", "мария")]
    public void A_case_form_is_a_form_of_the_stored_word(string typed, string stored) =>
        WordForms.IsFormOf(typed, stored).Should().BeTrue();

    [Theory]
    [InlineData("ромашкин", "ромашка")]
    [InlineData("ромашко", "ромашка")]
    [InlineData("ивановым", "иван")]
    [InlineData("иванов", "иван")]
    [InlineData("ивановский", "иванов")]
    [InlineData("петров", "петр")]
    [InlineData("петрова", "петр")]
    [InlineData("ивановым", "иванова")]
    [InlineData("ире", "ира")]
    [InlineData("ромашка", "ромашка")]
    [InlineData("асмы", "асме")]
    public void Other_words_typos_and_too_short_stems_are_not_forms(string typed, string stored) =>
        WordForms.IsFormOf(typed, stored).Should().BeFalse();

    [Theory]
    [InlineData("ромашкой", "ромашк")]
    [InlineData("иванову", "иванов")]
    [InlineData("ромашко", "ромашко")]
    [InlineData("северному", "северн")]
    [InlineData("ива", "ива")]
    public void The_search_stem_is_a_start_of_every_word_the_typed_one_may_be_a_form_of(string typed, string stem) =>
        WordForms.SearchStem(typed).Should().Be(stem);
}
