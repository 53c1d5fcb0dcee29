namespace ChatCrm.Core.Messages;

public abstract partial class Texts
{
    public abstract string WhichClient(string query);
    public abstract string ClientNotFound(string query);
    public abstract string DealNotFound(int number);
    public abstract string NotYourDeal(int number);
}
