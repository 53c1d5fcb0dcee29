using static ChatCrm.Core.Messages.Html;

namespace ChatCrm.Core.Messages;

internal sealed partial class RussianTexts
{
    public override string PoolClientCreated(string client, string contacts, string? segment) =>
        $"✅ Клиент {Bold(client)} создан и положен в пул (без менеджера)"
        + (segment is null ? "" : $", сегмент #{Escape(segment)}")
        + (contacts.Length == 0 ? "." : $".\n📇 {Escape(contacts)}")
        + "\nРаздать менеджерам: /distribute";

    public override string PoolOnlyForHeads(string client) =>
        $"🚫 Клиент {Bold(client)} не создан: класть клиентов в пул может только руководитель. "
        + "Своего клиента создайте без «в пул» в конце; если «пул» — часть названия, возьмите название в кавычки: /client «Аква Пул»";

    public override string PoolButton => "🗂 Пул";

    public override string PoolEmpty(string segment) =>
        segment.Length == 0 ? "🗂 Пул пуст: клиентов без менеджера нет." : $"🗂 В пуле нет клиентов сегмента #{Escape(segment)}.";

    public override string PoolHeader(int total, string segment, int page, int pages)
    {
        var head = segment.Length == 0
            ? $"🗂 <b>Пул</b>: {Plural.Ru(total, "клиент", "клиента", "клиентов")} без менеджера"
            : $"🗂 <b>Пул, сегмент #{Escape(segment)}</b>: {Plural.Ru(total, "клиент", "клиента", "клиентов")}";
        return head + (pages > 1 ? $"\nСтраница {page} из {pages}, сначала давние" : "");
    }

    public override string PoolSegmentCount(string? segment, int count) =>
        $"{(segment is null ? "без сегмента" : "#" + Escape(segment))} — {count}";

    public override string PoolLine(int n, string client, string contacts, string? city, string? segment, string age) =>
        $"{n}. {Bold(client)}"
        + (contacts.Length == 0 ? "" : $" — {Escape(contacts)}")
        + (city is null ? "" : $", {Escape(city)}")
        + (segment is null ? "" : $" #{Escape(segment)}")
        + $" · добавлен {Escape(age)}";

    public override string PoolHint(bool head, bool canTake) =>
        head ? "Номер — карточка клиента. 🎲 раздаёт пул менеджерам по нагрузке (/distribute), /assign — одного клиента."
        : canTake ? "🙋 с номером — взять клиента себе (или /take &lt;клиент&gt;)."
        : "";

    public override string PoolDistributeButton => "🎲 Раздать";

    public override string PoolClosed() =>
        "🔒 Пул закрыт: брать клиентов из пула можно, когда руководитель разрешит (/settings pool on).";

    public override string PoolClientNotFound(string query) => $"🔍 В пуле нет клиента «{Escape(query)}». Список: /pool";

    public override string ClientTaken(string client, string contacts) =>
        $"🙋 Клиент {Bold(client)} теперь ваш" + (contacts.Length == 0 ? "." : $".\n📇 {Escape(contacts)}") + "\nОтменить: /undo";

    public override string AlreadyTaken(string? by) =>
        by is null ? "⏱ Этого клиента уже нет в пуле." : $"⏱ Этого клиента уже взял {Escape(by)}.";

    public override string AlreadyYours(string client) => $"Клиент {Bold(client)} уже ваш.";

    protected override string TakeUndoFormat => "клиент «{0}» взят из пула";

    public override string OnOff(bool on) => on ? "вкл" : "выкл";

    public override string PoolSettingAsk(string label) => $"{Escape(label)}: включить или выключить?";

    public override string ProspectsNames(IReadOnlyList<string> names, int more) =>
        string.Join("\n", names.Select(n => "• " + Escape(n))) + (more > 0 ? $"\n… и ещё {more}" : "");

    protected override void AddPoolDocs(IDictionary<string, CommandDoc> docs)
    {
        docs["pool"] = new("пул: клиенты без менеджера, по сегментам",
            "/pool [#сегмент] — список с давних, 🎲 раздать; менеджеру — когда руководитель открыл пул (/settings pool on), с кнопкой 🙋 взять. "
            + "Положить клиента в пул: /client &lt;название&gt; … в пул",
            "/pool #розница");
        docs["take"] = new("взять клиента из пула себе",
            "/take &lt;клиент&gt; — когда руководитель открыл пул (/settings pool on); кто первый взял, того и клиент",
            "/take Ромашка");
    }
}
