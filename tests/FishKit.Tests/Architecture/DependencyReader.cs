using System.Xml.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace FishKit.Tests.Architecture;

/// <summary>Reads who depends on whom: namespaces from compiled assemblies (Mono.Cecil), references from project files.</summary>
public static class DependencyReader
{
    /// <summary>
    /// The namespace graph of the types in <paramref name="assemblies"/> whose namespace starts with <paramref name="prefix"/>:
    /// an edge A -> B when a type of A names a type of B anywhere (base type, interfaces, attributes, fields, properties,
    /// signatures, locals, and the types, methods and fields its code uses). Nested and compiler-generated types count
    /// for the namespace of the type that declares them. A node is "Assembly:Namespace": a namespace that spans layers
    /// (Baselines, Training and WriteUp have a part in the core or the learning library and a part above it) is one node
    /// per layer, since references between layers only go down; a cycle is then one within a layer.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> Namespaces(IEnumerable<string> assemblies, string prefix)
    {
        var graph = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var path in assemblies)
        {
            using var assembly = AssemblyDefinition.ReadAssembly(path);
            foreach (var type in assembly.MainModule.GetTypes())
            {
                if (!InScope(NamespaceOf(type), prefix)) continue;
                var from = Node(type);
                if (!graph.TryGetValue(from, out var edges)) graph[from] = edges = new HashSet<string>(StringComparer.Ordinal);
                foreach (var used in Uses(type))
                    if (InScope(NamespaceOf(used), prefix) && Node(used) is var to && to != from) edges.Add(to);
            }
        }
        return graph.ToDictionary(p => p.Key, p => (IReadOnlySet<string>)p.Value, StringComparer.Ordinal);
    }

    static bool InScope(string ns, string prefix) => ns.Length > 0 && (ns == prefix || ns.StartsWith(prefix + ".", StringComparison.Ordinal));

    static TypeReference Outermost(TypeReference type)
    {
        while (type is TypeSpecification spec) type = spec.ElementType;
        while (type.DeclaringType is { } outer) type = outer;
        return type;
    }

    static string NamespaceOf(TypeReference type) => Outermost(type).Namespace;

    /// <summary>"Assembly:Namespace" of a type, defined here or referenced from another assembly.</summary>
    static string Node(TypeReference type)
    {
        var outer = Outermost(type);
        var assembly = outer.Scope switch
        {
            ModuleDefinition m => m.Assembly.Name.Name,
            AssemblyNameReference a => a.Name,
            var other => other?.Name ?? "?",
        };
        return $"{assembly}:{outer.Namespace}";
    }

    static IEnumerable<TypeReference> Uses(TypeDefinition type)
    {
        if (type.BaseType is { } baseType) foreach (var t in Expand(baseType)) yield return t;
        foreach (var i in type.Interfaces) foreach (var t in Expand(i.InterfaceType)) yield return t;
        foreach (var t in Attributes(type.CustomAttributes)) yield return t;
        foreach (var p in type.GenericParameters) foreach (var c in p.Constraints) foreach (var t in Expand(c.ConstraintType)) yield return t;
        foreach (var f in type.Fields)
        {
            foreach (var t in Expand(f.FieldType)) yield return t;
            foreach (var t in Attributes(f.CustomAttributes)) yield return t;
        }
        foreach (var p in type.Properties)
        {
            foreach (var t in Expand(p.PropertyType)) yield return t;
            foreach (var t in Attributes(p.CustomAttributes)) yield return t;
        }
        foreach (var e in type.Events) foreach (var t in Expand(e.EventType)) yield return t;
        foreach (var m in type.Methods)
        {
            foreach (var t in Expand(m.ReturnType)) yield return t;
            foreach (var p in m.Parameters)
            {
                foreach (var t in Expand(p.ParameterType)) yield return t;
                foreach (var t in Attributes(p.CustomAttributes)) yield return t;
            }
            foreach (var t in Attributes(m.CustomAttributes)) yield return t;
            foreach (var g in m.GenericParameters) foreach (var c in g.Constraints) foreach (var t in Expand(c.ConstraintType)) yield return t;
            if (!m.HasBody) continue;
            foreach (var v in m.Body.Variables) foreach (var t in Expand(v.VariableType)) yield return t;
            foreach (var h in m.Body.ExceptionHandlers) if (h.CatchType is { } c) foreach (var t in Expand(c)) yield return t;
            foreach (var instruction in m.Body.Instructions)
                foreach (var t in Operand(instruction)) yield return t;
        }
    }

    static IEnumerable<TypeReference> Operand(Instruction instruction)
    {
        switch (instruction.Operand)
        {
            case TypeReference t:
                foreach (var u in Expand(t)) yield return u;
                break;
            case MethodReference m:
                foreach (var u in Expand(m.DeclaringType)) yield return u;
                foreach (var u in Expand(m.ReturnType)) yield return u;
                foreach (var p in m.Parameters) foreach (var u in Expand(p.ParameterType)) yield return u;
                if (m is GenericInstanceMethod g) foreach (var a in g.GenericArguments) foreach (var u in Expand(a)) yield return u;
                break;
            case FieldReference f:
                foreach (var u in Expand(f.DeclaringType)) yield return u;
                foreach (var u in Expand(f.FieldType)) yield return u;
                break;
        }
    }

    static IEnumerable<TypeReference> Attributes(IEnumerable<CustomAttribute> attributes)
    {
        foreach (var a in attributes)
        {
            foreach (var t in Expand(a.AttributeType)) yield return t;
            foreach (var argument in a.ConstructorArguments.Concat(a.Properties.Select(p => p.Argument)).Concat(a.Fields.Select(f => f.Argument)))
                if (argument.Value is TypeReference t) foreach (var u in Expand(t)) yield return u;
        }
    }

    /// <summary>A type and the types it is made of (generic arguments, element types of arrays, pointers, by-refs).</summary>
    static IEnumerable<TypeReference> Expand(TypeReference? type)
    {
        if (type is null || type is GenericParameter) yield break;
        switch (type)
        {
            case GenericInstanceType g:
                foreach (var t in Expand(g.ElementType)) yield return t;
                foreach (var a in g.GenericArguments) foreach (var t in Expand(a)) yield return t;
                yield break;
            case TypeSpecification spec:
                foreach (var t in Expand(spec.ElementType)) yield return t;
                yield break;
            default:
                yield return type;
                yield break;
        }
    }

    /// <summary>The kit projects a project file references (by file name without extension), and whether each feeds the compiler.</summary>
    public static IReadOnlyList<(string Project, bool Compiled)> ProjectReferences(string csproj) =>
        [.. XDocument.Load(csproj).Descendants("ProjectReference").Select(r => (
            Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')),
            !string.Equals(Metadata(r, "ReferenceOutputAssembly"), "false", StringComparison.OrdinalIgnoreCase)))];

    /// <summary>The packages a project file references, and whether each feeds the compiler (no <c>ExcludeAssets="compile"</c>).</summary>
    public static IReadOnlyList<(string Package, bool Compiled)> PackageReferences(string csproj) =>
        [.. XDocument.Load(csproj).Descendants("PackageReference").Select(r => (
            r.Attribute("Include")!.Value,
            !(Metadata(r, "ExcludeAssets")?.Split(';').Any(a => a.Trim() is "compile" or "all") ?? false)))];

    static string? Metadata(XElement element, string name) =>
        element.Attribute(name)?.Value ?? element.Element(name)?.Value;
}
