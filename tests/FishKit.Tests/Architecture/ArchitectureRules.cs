namespace FishKit.Tests.Architecture;

/// <summary>
/// The checks of the architecture test on plain data (who references what), so each can be shown to fail on a known-bad
/// input (ArchitectureRulesTests) as well as to pass on the kit (ArchitectureTests). Each returns its violations, one line each.
/// </summary>
public static class ArchitectureRules
{
    /// <summary>Every TorchSharp reference of the core, from its assembly references or its project's package references.</summary>
    public static IEnumerable<string> TorchInCore(string core, IEnumerable<string> references) =>
        references.Where(Layers.IsTorch).Select(r => $"{core} references {r}; the core has no TorchSharp (it belongs in FishKit.Learning or FishKit.TorchNative)");

    /// <summary>Every front-end assembly or package referenced by a library.</summary>
    public static IEnumerable<string> FrontEndsInLibraries(IReadOnlyDictionary<string, IReadOnlyCollection<string>> references) =>
        from pair in references
        where Layers.Libraries.Contains(pair.Key)
        from r in pair.Value
        where Layers.IsFrontEnd(r)
        select $"library {pair.Key} references the front end {r}";

    /// <summary>Every kit project reference that <see cref="Layers.Allowed"/> does not list.</summary>
    public static IEnumerable<string> LayerViolations(IReadOnlyDictionary<string, IReadOnlyCollection<string>> projectReferences) =>
        from pair in projectReferences
        from r in pair.Value
        where !Layers.Allowed.TryGetValue(pair.Key, out var allowed) || !allowed.Contains(r)
        select $"{pair.Key} references {r}, which its layer may not use";

    /// <summary>
    /// The namespace cycles of <paramref name="graph"/> (namespace to the namespaces it uses): each strongly connected
    /// set of two or more namespaces, sorted, with one edge of each pair as evidence (Tarjan's algorithm).
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> Cycles(IReadOnlyDictionary<string, IReadOnlySet<string>> graph)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var cycles = new List<IReadOnlyList<string>>();
        int next = 0;

        IEnumerable<string> Next(string node) => graph.TryGetValue(node, out var to) ? to.Where(t => t != node) : [];

        void Visit(string node)
        {
            index[node] = low[node] = next++;
            stack.Push(node);
            onStack.Add(node);
            foreach (var to in Next(node))
            {
                if (!index.ContainsKey(to)) { Visit(to); low[node] = Math.Min(low[node], low[to]); }
                else if (onStack.Contains(to)) low[node] = Math.Min(low[node], index[to]);
            }
            if (low[node] != index[node]) return;
            var component = new List<string>();
            string member;
            do { member = stack.Pop(); onStack.Remove(member); component.Add(member); } while (member != node);
            if (component.Count > 1) cycles.Add([.. component.Order(StringComparer.Ordinal)]);
        }

        foreach (var node in graph.Keys.Order(StringComparer.Ordinal))
            if (!index.ContainsKey(node)) Visit(node);
        return cycles;
    }

    /// <summary>One line per cycle: its namespaces and the edges between them.</summary>
    public static IEnumerable<string> Describe(IReadOnlyList<IReadOnlyList<string>> cycles, IReadOnlyDictionary<string, IReadOnlySet<string>> graph) =>
        cycles.Select(c => $"namespace cycle {{{string.Join(", ", c)}}}: " + string.Join("; ",
            from a in c from b in c where a != b && graph.TryGetValue(a, out var to) && to.Contains(b) select $"{a} -> {b}"));
}
