using ChatCrm.Core.Domain.Users;

namespace ChatCrm.Core.Domain.Crm;

/// <summary>What a fresh database starts with, in the company's default language; the bot turns it into rows once.</summary>
public static class DefaultSetup
{
    public static SetupData For(Language language) => language == Language.En ? English : Russian;

    /// <summary>"ru" or "en" (also "ru-RU", "en-US"…), as in `Crm:DefaultLanguage`.</summary>
    public static SetupData For(string languageCode) =>
        For(Languages.FromCode(languageCode) ?? throw new ArgumentException($"Unknown language '{languageCode}'.", nameof(languageCode)));

    // Probabilities rise with commitment; the days allowed grow with the work a stage takes (a first contact
    // should be followed up within days, a contract may wait two weeks for signatures).
    private static readonly SetupData Russian = new(
        new CycleSeed("Продажи",
        [
            new StageSeed("Первый контакт", 1, 10, 3),
            new StageSeed("Квалификация", 2, 25, 7),
            new StageSeed("Предложение", 3, 50, 10),
            new StageSeed("Переговоры", 4, 70, 14),
            new StageSeed("Договор", 5, 90, 14),
        ]),
        [
            new WorkTypeSeed("call", "Звонок"),
            new WorkTypeSeed("meeting", "Встреча"),
            new WorkTypeSeed("demo", "Демо"),
            new WorkTypeSeed("email", "Письмо"),
        ],
        ["Цена", "Конкурент", "Нет бюджета", "Нет ответа", "Не подходит"])
    {
        Scenario = Steps("Первый контакт", "Квалификация", "Предложение", "Переговоры", "Договор"),
    };

    private static readonly SetupData English = new(
        new CycleSeed("Sales",
        [
            new StageSeed("First contact", 1, 10, 3),
            new StageSeed("Qualification", 2, 25, 7),
            new StageSeed("Proposal", 3, 50, 10),
            new StageSeed("Negotiation", 4, 70, 14),
            new StageSeed("Contract", 5, 90, 14),
        ]),
        [
            new WorkTypeSeed("call", "Call"),
            new WorkTypeSeed("meeting", "Meeting"),
            new WorkTypeSeed("demo", "Demo"),
            new WorkTypeSeed("email", "E-mail"),
        ],
        ["Price", "Competitor", "No budget", "No answer", "Not a fit"])
    {
        Scenario = Steps("First contact", "Qualification", "Proposal", "Negotiation", "Contract"),
    };

    /// <summary>
    /// One scenario for the default cycle, the same in both languages: call the new lead the next day; qualify by a call
    /// (a meeting if it helps); show a demo and send the offer by e-mail; meet to negotiate; send the contract.
    /// </summary>
    private static ScenarioSeed[] Steps(string first, string qualification, string proposal, string negotiation, string contract) =>
    [
        new(first, "call", 1, true),
        new(qualification, "call", 3, true),
        new(qualification, "meeting", 7, false),
        new(proposal, "demo", 3, true),
        new(proposal, "email", 5, false),
        new(negotiation, "meeting", 7, true),
        new(contract, "email", 3, true),
    ];
}

/// <summary>The seed: one default cycle with its stages, the work types and the lost reasons.</summary>
public sealed record SetupData(CycleSeed Cycle, IReadOnlyList<WorkTypeSeed> WorkTypes, IReadOnlyList<string> LostReasons)
{
    /// <summary>The default cycle's scenario, in order within each stage (all segments).</summary>
    public IReadOnlyList<ScenarioSeed> Scenario { get; init; } = [];
}

/// <summary>A step of the default scenario: the stage by name, the work type by <see cref="WorkTypeSeed.Code"/>.</summary>
public sealed record ScenarioSeed(string Stage, string WorkTypeCode, int? WithinDays, bool Required);

public sealed record CycleSeed(string Name, IReadOnlyList<StageSeed> Stages);

public sealed record StageSeed(string Name, int Position, int Probability, int? DaysAllowed);

/// <summary><see cref="Code"/> is what commands use (`/log demo`), so it is the same in every language.</summary>
public sealed record WorkTypeSeed(string Code, string Name);
