using ChatCrm.Bot.Hosting;
using ChatCrm.Core.Messages;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace ChatCrm.Bot.Tests.Architecture;

/// <summary>
/// The folder rule of the README's layout section, checked on the compiled assemblies: every type a folder's code
/// names, in a signature or inside a method body (lambdas and async methods included), must be one the folder may use.
/// </summary>
public sealed class DependencyRuleTests
{
    /// <summary>
    /// Which folders of ChatCrm.Bot each folder may use, besides itself and ChatCrm.Core: Hosting → anything;
    /// Transport → Pipeline → Features → Data/Outbox → Observability; Jobs → Features; Web → Features (and Transport's options). Data and Outbox are one layer (the
    /// outbox is a table of the database, written in the same unit of work); Observability (the metrics) uses nothing.
    /// </summary>
    private static readonly Dictionary<string, string[]> MayUse = new()
    {
        ["Hosting"] = ["Transport", "Pipeline", "Jobs", "Web", "Features", "Data", "Outbox", "Observability"],
        // The board: its changes run through Features' CommandRunner, never the Pipeline; Transport for the bot's options.
        ["Web"] = ["Transport", "Features", "Data", "Outbox", "Observability"],
        ["Transport"] = ["Pipeline", "Features", "Data", "Outbox", "Observability"],
        ["Pipeline"] = ["Features", "Data", "Outbox", "Observability"],
        ["Jobs"] = ["Features", "Data", "Outbox", "Observability"],
        ["Features"] = ["Data", "Outbox", "Observability"],
        ["Data"] = ["Outbox", "Observability"],
        ["Outbox"] = ["Data", "Observability"],
        ["Observability"] = [],
    };

    private static readonly string[] HostNamespaces = ["ChatCrm.Bot", "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Telegram.Bot"];

    [Fact]
    public void Every_folder_of_the_host_uses_only_the_folders_the_rule_allows()
    {
        var found = Uses(typeof(ChatCrmHosting).Assembly.Location)
            .Select(use => (use, Broken: BrokenRule(use)))
            .Where(x => x.Broken is not null)
            .Select(x => $"{x.use.User} → {x.use.Used}   ({x.Broken})")
            .ToList();
        Assert.True(found.Count == 0,
            "These types use a folder the README's dependency rule forbids; move the used type down to a layer both may use:\n" + string.Join('\n', found));
    }

    [Fact]
    public void Core_uses_nothing_of_the_host()
    {
        var path = typeof(Texts).Assembly.Location;
        using var module = ModuleDefinition.ReadModule(path);
        var assemblies = module.AssemblyReferences
            .Where(a => HostNamespaces.Any(h => IsIn(a.Name, h)))
            .Select(a => $"ChatCrm.Core references the assembly {a.Name}");
        var types = Uses(path)
            .Where(use => HostNamespaces.Any(h => IsIn(use.UsedNamespace, h)))
            .Select(use => $"{use.User} → {use.Used}");

        var violations = assemblies.Concat(types).ToList();
        Assert.True(violations.Count == 0,
            "ChatCrm.Core holds the pure rules and must not use the host, EF Core, ASP.NET or Telegram.Bot:\n" + string.Join('\n', violations));
    }

    [Fact]
    public void The_rule_sees_a_type_used_only_inside_a_method_body()
    {
        // Checks the checker: a namespace used only in a lambda is still found, and named after the declaring type.
        var uses = Uses(typeof(DependencyRuleTests).Assembly.Location).Where(u => u.User == typeof(UsesThePipelineInALambda).FullName).ToList();
        uses.Should().Contain(u => u.Used == typeof(ChatCrm.Bot.Pipeline.UpdatePipeline).FullName);
    }

    /// <summary>Why a use breaks the rule, or null when it is allowed (or is no use between folders of the host).</summary>
    private static string? BrokenRule(Use use)
    {
        if (Layer(use.UserNamespace) is not { } from || !IsIn(use.UsedNamespace, "ChatCrm.Bot"))
        {
            return null;
        }

        var to = Layer(use.UsedNamespace);
        if (from == Unplaced || to == Unplaced)
        {
            return $"{(from == Unplaced ? use.UserNamespace : use.UsedNamespace)} is in no folder of the rule: add it to the README and to MayUse";
        }

        return from == to || from == Root || MayUse[from].Contains(to) ? null : $"{from} must not use {to}";
    }

    private const string Root = "(root)";
    private const string Unplaced = "(unplaced)";

    /// <summary>The folder a namespace of the host belongs to: its second segment (ChatCrm.Bot.Features.Deals → Features).</summary>
    private static string? Layer(string ns)
    {
        if (ns is "" or "ChatCrm.Bot")
        {
            return Root; // Program.cs: the host's table of contents, allowed everything like Hosting
        }

        if (!IsIn(ns, "ChatCrm.Bot"))
        {
            return null;
        }

        var folder = ns["ChatCrm.Bot.".Length..].Split('.')[0];
        return MayUse.ContainsKey(folder) ? folder : Unplaced;
    }

    private static bool IsIn(string ns, string root) =>
        ns == root || ns.StartsWith(root + ".", StringComparison.Ordinal);

    private sealed record Use(string User, string UserNamespace, string Used, string UsedNamespace);

    /// <summary>
    /// Every (declaring type, used type) pair of an assembly. A compiler-made type (a lambda's closure, an async state
    /// machine) counts as the type it was written in.
    /// </summary>
    private static IReadOnlyList<Use> Uses(string assemblyPath)
    {
        using var module = ModuleDefinition.ReadModule(assemblyPath);
        return module.Types.SelectMany(top => AllOf(top).SelectMany(Referenced).SelectMany(Expand)
                .Where(used => used is not GenericParameter)
                .Select(used => (Outer: Outermost(used), Top: top))
                .Select(x => new Use(x.Top.FullName, x.Top.Namespace, x.Outer.FullName, x.Outer.Namespace)))
            .Distinct().ToList();
    }

    private static IEnumerable<TypeDefinition> AllOf(TypeDefinition type) => [type, .. type.NestedTypes.SelectMany(AllOf)];

    private static TypeReference Outermost(TypeReference type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }

        return type;
    }

    private static IEnumerable<TypeReference> Referenced(TypeDefinition type)
    {
        if (type.BaseType is { } baseType)
        {
            yield return baseType;
        }

        foreach (var t in type.Interfaces.Select(i => i.InterfaceType)
                     .Concat(Attributes(type))
                     .Concat(type.GenericParameters.SelectMany(g => g.Constraints.Select(c => c.ConstraintType)))
                     .Concat(type.Fields.SelectMany(f => Attributes(f).Append(f.FieldType)))
                     .Concat(type.Properties.SelectMany(p => Attributes(p).Append(p.PropertyType)))
                     .Concat(type.Events.Select(e => e.EventType))
                     .Concat(type.Methods.SelectMany(InMethod)))
        {
            yield return t;
        }
    }

    private static IEnumerable<TypeReference> InMethod(MethodDefinition method)
    {
        foreach (var t in Signature(method).Concat(Attributes(method)).Concat(method.Parameters.SelectMany(Attributes))
                     .Concat(method.GenericParameters.SelectMany(g => g.Constraints.Select(c => c.ConstraintType))))
        {
            yield return t;
        }

        if (!method.HasBody)
        {
            yield break;
        }

        foreach (var t in method.Body.Variables.Select(v => v.VariableType)
                     .Concat(method.Body.ExceptionHandlers.Where(h => h.CatchType is not null).Select(h => h.CatchType))
                     .Concat(method.Body.Instructions.SelectMany(Operand)))
        {
            yield return t;
        }
    }

    private static IEnumerable<TypeReference> Operand(Instruction instruction) => instruction.Operand switch
    {
        TypeReference type => [type],
        GenericInstanceMethod generic => [.. Signature(generic), .. generic.GenericArguments],
        MethodReference method => Signature(method),
        FieldReference field => [field.DeclaringType, field.FieldType],
        CallSite site => [site.ReturnType, .. site.Parameters.Select(p => p.ParameterType)],
        _ => [],
    };

    private static IEnumerable<TypeReference> Signature(MethodReference method) =>
        [method.DeclaringType, method.ReturnType, .. method.Parameters.Select(p => p.ParameterType)];

    /// <summary>An attribute's type and the types it names (<c>typeof(X)</c> arguments).</summary>
    private static IEnumerable<TypeReference> Attributes(ICustomAttributeProvider owner) =>
        owner.CustomAttributes.SelectMany(a => a.ConstructorArguments.Concat(a.Properties.Select(p => p.Argument)).Concat(a.Fields.Select(f => f.Argument))
            .Select(arg => arg.Value).OfType<TypeReference>().Prepend(a.AttributeType));

    /// <summary>The named types inside a constructed one: <c>List&lt;Deal[]&gt;</c> names List and Deal.</summary>
    private static IEnumerable<TypeReference> Expand(TypeReference type) => type switch
    {
        GenericInstanceType generic => Expand(generic.ElementType).Concat(generic.GenericArguments.SelectMany(Expand)),
        IModifierType modified => Expand(modified.ModifierType).Concat(Expand(modified.ElementType)),
        FunctionPointerType pointer => Expand(pointer.ReturnType).Concat(pointer.Parameters.SelectMany(p => Expand(p.ParameterType))),
        TypeSpecification specification => Expand(specification.ElementType),
        _ => [type],
    };
}

/// <summary>Names the pipeline only inside a lambda, for the checker's own test.</summary>
internal static class UsesThePipelineInALambda
{
    public static Func<object, bool> Make() => o => o is ChatCrm.Bot.Pipeline.UpdatePipeline;
}
