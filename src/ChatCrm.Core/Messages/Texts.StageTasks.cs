namespace ChatCrm.Core.Messages;

public abstract partial class Texts
{
}
