namespace ChatCrm.Core.Messages;

public abstract partial class Texts
{
    public abstract string WhichClient(string query);
    public abstract string ClientNotFound(string query);
    /// <summary>
    /// No such deal among those the user may work on — one answer whether it is missing or someone else's, so deal
    /// numbers cannot be probed. <paramref name="everyone"/>: the user sees all deals (a head).
    /// </summary>
    public abstract string DealNotFound(string number, bool everyone);
}
