using ChatCrm.Core.Messages;

namespace ChatCrm.Bot.Features.Shared;

/// <summary>The ‹ Back / Next › row under a paged list; <paramref name="data"/> turns a page number into callback data.</summary>
public static class Pager
{
    public static IReadOnlyList<Button> Row(Texts texts, int page, int pages, Func<int, string> data)
    {
        List<Button> row = [];
        if (page > 1)
        {
            row.Add(Button.Callback(texts.Previous, data(page - 1)));
        }

        if (page < pages)
        {
            row.Add(Button.Callback(texts.Next, data(page + 1)));
        }

        return row;
    }

    /// <summary>The row as the only keyboard, or no keyboard when everything fits on one page.</summary>
    public static IReadOnlyList<IReadOnlyList<Button>>? Keyboard(Texts texts, int page, int pages, Func<int, string> data) =>
        Row(texts, page, pages, data) is { Count: > 0 } row ? [row] : null;
}
