using ChatCrm.Core.Matching;

namespace ChatCrm.Core.Domain.Crm;

/// <summary>
/// One way to find a client, stored so the store can index it (<see cref="ClientSearchKeys"/>): a word of the name,
/// a phone's reversed digits, an e-mail. The client keeps its keys in step (<see cref="Client.SyncSearchKeys"/>).
/// </summary>
public sealed class ClientSearchKey
{
    private ClientSearchKey()
    {
        Value = "";
    }

    public long Id { get; private set; }
    public long ClientId { get; private set; }
    public ClientKeyKind Kind { get; private set; }
    public string Value { get; private set; }

    internal static ClientSearchKey Of(ClientKey key) => new() { Kind = key.Kind, Value = key.Value };
}
