namespace ChatCrm.Core.Messages;

public abstract partial class Texts
{
    // Finding people
    public abstract string AskWhichManager(string client);
    public abstract string ManagerNotFound(string query);
    public abstract string NoActiveManagers();

    // Assigning and distributing clients
    public abstract string AlreadyAssigned(string client, string manager);
    public abstract string ClientAssigned(string client, string manager, int deals, int contacts);
    public abstract string ClientAssignedToYou(string client, string by, int deals);
    public abstract string SegmentNotFound(string query);
    public abstract string NoProspects(string segment);
    public abstract string DistributePreview(int prospects, string segment, int managers, bool changed);
    public abstract string DistributeLine(string name, int load, int add);
    public abstract string DistributeConfirmButton { get; }
    public abstract string ProspectsDistributed(int prospects, string segment, int managers);
    public abstract string ProspectsReceived(int count, string segment);

    // A colleague leaves
    public abstract string DeactivateAskSuccessor(string name, int clients, int deals, int contacts);
    public abstract string DeactivateConfirmHandOver(string name, string successor, int clients, int deals, int contacts);
    public abstract string UserDeactivatedHandedOver(string name, string successor, int clients, int deals, int contacts);
    public abstract string HandedOverToYou(string from, int clients, int deals, int contacts);

    // The team today
    public abstract string TeamHeader(DateTime localDate, int managers);
    public abstract string TeamNormsLead { get; }
    public abstract string TeamNoNorms();
    public abstract string TeamLine(string name, int done, int planned, int overdue, int forgotten, int moved, int won, int lost);
    public abstract string TeamTargetLine(string won, string target, int percent);
    public abstract string TeamWonLine(string won);
    public abstract string TeamButton { get; }

    // Plans
    public abstract string PlansHeader(DateTime localNow);
    public abstract string PlansManager(string name, int overdue, int today, int later);
    public abstract string PlansDay(DateTime localDate);
    public abstract string PlanItem(DateTime local, string workType, string client, string note, bool overdue);
    public abstract string PlansMore(int count);

    // Targets and norms
    public abstract string TargetSet(string manager, DateTime month, string amount, string before);
    public abstract string TargetsHeader(DateTime month, int count);
    public abstract string TargetLine(string name, string amount);
    public abstract string NormItem(string workType, int count, bool weekly);
    public abstract string NormsHeader(int count);
    public abstract string NormSet(string workType, int count, bool weekly);
    public abstract string NormRemoved(string workType, bool weekly);
    public abstract string AskNormPeriod(string workType, int count);
    public abstract string NormPerDay { get; }
    public abstract string NormPerWeek { get; }

    protected string MonthName(DateTime month) =>
        $"{Culture.DateTimeFormat.MonthNames[month.Month - 1]} {month.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}
