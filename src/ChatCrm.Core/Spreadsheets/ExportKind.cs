namespace ChatCrm.Core.Spreadsheets;

/// <summary>What /export writes out: one sheet of one of these.</summary>
public enum ExportKind
{
    Clients,
    Deals,
    Touches,
    Payments,
}
