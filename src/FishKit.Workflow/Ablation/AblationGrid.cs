using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FishKit.IO;
using FishKit.Training;

namespace FishKit.Ablation;

/// <summary>One level of a factor: its label in the table and the settings it changes (setting path to JSON value).</summary>
/// <param name="Label">How the table names the level.</param>
/// <param name="Settings">Setting paths of the recipe (e.g. <c>training.learningRate</c>) and their values.</param>
public sealed record FactorLevel(string Label, IReadOnlyList<KeyValuePair<string, JsonNode?>> Settings);

/// <summary>A factor of the grid and its levels; the first level is the base level.</summary>
/// <param name="Name">The factor's name (its setting path in the simple form).</param>
/// <param name="Levels">Its levels, base first.</param>
public sealed record Factor(string Name, IReadOnlyList<FactorLevel> Levels);

/// <summary>One cell of the grid: one level of every factor and the recipe they make.</summary>
/// <param name="Index">K, from 0, in the grid's order: the last factor's level changes fastest.</param>
/// <param name="Levels">The level (index into the factor's levels) of each factor, in factor order.</param>
/// <param name="Config">The base recipe with the budget and the levels applied.</param>
public sealed record AblationCell(int Index, IReadOnlyList<int> Levels, RunConfig Config);

/// <summary>
/// An ablation grid read from JSON: a base recipe (<c>preset</c> and/or <c>recipe</c>), the data, the factors with their
/// levels, the seeds run in every cell and a budget per cell and seed (epochs, batches per epoch, minutes: see the README
/// for why only an epoch budget repeats bit for bit); expanded as a full factorial. See
/// <c>examples/ablation-grid.json</c> and the README's "Ablations".
/// </summary>
/// <param name="Train">Training frames (full path).</param>
/// <param name="Validation">Validation frames (full path).</param>
/// <param name="Factors">The factors, in file order.</param>
/// <param name="Seeds">Seeds run in every cell.</param>
/// <param name="Cells">The full factorial.</param>
/// <param name="Hash">SHA-256 of the grid's JSON (whitespace aside): a results folder belongs to one grid.</param>
/// <param name="Folder">The folder relative data paths start at.</param>
/// <param name="Json">The grid's JSON without whitespace.</param>
public sealed record AblationGrid(string Train, string Validation, IReadOnlyList<Factor> Factors, IReadOnlyList<int> Seeds,
    IReadOnlyList<AblationCell> Cells, string Hash, string Folder, string Json)
{
    static readonly HashSet<string> Keys = ["preset", "recipe", "data", "factors", "seeds", "budget"];

    /// <summary>Reads the grid file at <paramref name="path"/>; data paths are relative to the file's folder.</summary>
    public static AblationGrid Load(string path)
    {
        RegularFile.Check(path, "grid file");
        if (!File.Exists(path)) throw new FishKitException($"grid file '{path}' does not exist; give a grid JSON (see examples/ablation-grid.json).");
        return Parse(File.ReadAllText(path), path, Path.GetDirectoryName(Path.GetFullPath(path))!);
    }

    /// <summary>Reads a grid from <paramref name="json"/>; <paramref name="source"/> names it in errors, relative data paths start at <paramref name="folder"/>.</summary>
    public static AblationGrid Parse(string json, string source, string folder)
    {
        var root = KitJson.Parse(json, $"grid '{source}'") as JsonObject
            ?? throw new FishKitException($"grid '{source}' is not a JSON object; give {{\"preset\", \"data\", \"factors\", \"seeds\", \"budget\"}}.");
        foreach (var key in root.Select(p => p.Key))
            if (!Keys.Contains(key)) throw new FishKitException($"grid '{source}' has an unknown key '{key}'; known keys: {string.Join(", ", Keys)}.");

        var preset = root["preset"] is { } p ? Text(p, "preset", source) : "writeup";
        var recipe = JsonNode.Parse(RunConfig.Preset(preset).ToJson())!.AsObject();
        if (root["recipe"] is { } overrides)
        {
            if (overrides is not JsonObject o) throw new FishKitException($"grid '{source}': recipe must be an object of run settings.");
            foreach (var (path, value) in Flatten(o, "")) Set(recipe, path, value, $"recipe setting '{path}'", source);
        }
        var data = root["data"] as JsonObject ?? throw new FishKitException($"grid '{source}' has no data; give \"data\": {{\"train\": ..., \"validation\": ...}}.");
        string train = Path.GetFullPath(Text(data["train"], "data.train", source), folder);
        string validation = Path.GetFullPath(Text(data["validation"], "data.validation", source), folder);
        var seeds = ReadSeeds(root["seeds"], source);
        if (root["budget"] is { } budget)
        {
            if (budget is not JsonObject b) throw new FishKitException($"grid '{source}': budget must be an object, e.g. {{\"epochs\": 2, \"maxBatchesPerEpoch\": 20}}.");
            foreach (var (key, value) in b)
            {
                var setting = key switch
                {
                    "epochs" or "maxBatchesPerEpoch" => key,
                    "minutes" => "maxMinutes",
                    _ => throw new FishKitException($"grid '{source}': budget '{key}' is not known; give epochs, maxBatchesPerEpoch and/or minutes."),
                };
                if (key == "minutes" && value?.GetValueKind() != JsonValueKind.Number)
                    throw new FishKitException($"grid '{source}': budget minutes must be a number of minutes per cell and seed, e.g. 0.5.");
                Set(recipe, $"training.{setting}", value?.DeepClone(), $"budget '{key}'", source);
            }
        }
        var factors = ReadFactors(root["factors"], recipe, source);
        var cells = Expand(factors, recipe, source);
        string canonical = root.ToJsonString();
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
        return new AblationGrid(train, validation, factors, seeds, cells, hash, folder, canonical);
    }

    /// <summary>The cell with index <paramref name="k"/>; out of range throws naming the valid range.</summary>
    public AblationCell Cell(int k) => k >= 0 && k < Cells.Count
        ? Cells[k]
        : throw new FishKitException($"cell {k} is out of range; this grid has {Cells.Count} cells, 0 to {Cells.Count - 1}.");

    /// <summary>The level labels of a cell, in factor order.</summary>
    public IEnumerable<string> Labels(AblationCell cell) => Factors.Select((f, i) => f.Levels[cell.Levels[i]].Label);

    static string Text(JsonNode? node, string what, string source) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0
            ? s
            : throw new FishKitException($"grid '{source}': {what} must be a non-empty string.");

    static IReadOnlyList<int> ReadSeeds(JsonNode? node, string source)
    {
        if (node is null) return [1];
        if (node is not JsonArray a || a.Count == 0 || a.Any(s => s is not JsonValue v || !v.TryGetValue<int>(out _)))
            throw new FishKitException($"grid '{source}': seeds must be a non-empty list of integers, e.g. [1, 2, 3].");
        var seeds = a.Select(s => s!.GetValue<int>()).ToList();
        if (seeds.Distinct().Count() != seeds.Count)
            throw new FishKitException($"grid '{source}': seeds [{string.Join(", ", seeds)}] repeat a seed; give each seed once.");
        return seeds;
    }

    /// <summary>
    /// Factors in file order. <c>"path": [v1, v2]</c> sets one setting per level (label: the value's JSON);
    /// <c>"name": {"label": {"path": value, ...}, ...}</c> sets several settings per level.
    /// </summary>
    static List<Factor> ReadFactors(JsonNode? node, JsonObject recipe, string source)
    {
        if (node is not JsonObject factors || factors.Count == 0)
            throw new FishKitException($"grid '{source}' has no factors (an empty grid); give e.g. \"factors\": {{\"training.learningRate\": [8e-5, 8e-4]}}.");
        var list = new List<Factor>();
        foreach (var (name, levels) in factors)
        {
            var parsed = levels switch
            {
                JsonArray a => a.Select(v => new FactorLevel(Label(v), [new(name, v)])).ToList(),
                JsonObject o => o.Select(l => new FactorLevel(l.Key, l.Value is JsonObject s
                    ? Flatten(s, "").ToList()
                    : throw new FishKitException($"grid '{source}': level '{l.Key}' of factor '{name}' must be an object of settings, e.g. {{\"channels\": 1, \"model.inputChannels\": 1}}."))).ToList(),
                _ => throw new FishKitException($"grid '{source}': factor '{name}' must list its levels ([...]) or name them ({{\"label\": {{settings}}}})."),
            };
            if (parsed.Count == 0) throw new FishKitException($"grid '{source}': factor '{name}' has no levels (an empty grid); give at least one.");
            foreach (var level in parsed)
                foreach (var (path, value) in level.Settings)
                    Set(recipe.DeepClone().AsObject(), path, value, $"factor '{name}'", source);
            var dup = parsed.GroupBy(l => string.Join(";", l.Settings.Select(s => $"{s.Key}={s.Value?.ToJsonString()}"))).FirstOrDefault(g => g.Count() > 1);
            if (dup is not null)
                throw new FishKitException($"grid '{source}': factor '{name}' lists the same level twice ({dup.First().Label}), which would give duplicate cells; list each level once.");
            list.Add(new Factor(name, parsed));
        }
        return list;
    }

    /// <summary>A listed level's label: a string as it is (<c>none</c>, not <c>"none"</c>), any other value as its JSON (<c>0.002</c>, <c>[8, 8]</c>).</summary>
    static string Label(JsonNode? value) =>
        value is JsonValue v && v.TryGetValue<string>(out var text) ? text : value?.ToJsonString() ?? "null";

    /// <summary>The full factorial, the last factor changing fastest; refuses two cells with the same recipe.</summary>
    static List<AblationCell> Expand(List<Factor> factors, JsonObject recipe, string source)
    {
        int count = factors.Aggregate(1, (n, f) => checked(n * f.Levels.Count));
        var cells = new List<AblationCell>(count);
        var seen = new Dictionary<string, int>();
        for (int k = 0; k < count; k++)
        {
            var levels = new int[factors.Count];
            for (int f = factors.Count - 1, rest = k; f >= 0; f--)
            {
                levels[f] = rest % factors[f].Levels.Count;
                rest /= factors[f].Levels.Count;
            }
            var node = recipe.DeepClone().AsObject();
            for (int f = 0; f < factors.Count; f++)
                foreach (var (path, value) in factors[f].Levels[levels[f]].Settings)
                    Set(node, path, value, $"factor '{factors[f].Name}'", source);
            var config = RunConfig.FromJson(node.ToJsonString(), $"grid '{source}' cell {k}");
            var json = config.ToJson();
            if (seen.TryGetValue(json, out int other))
                throw new FishKitException($"grid '{source}': cells {other} and {k} have the same recipe (duplicate cells); remove the level that repeats another factor's setting.");
            seen[json] = k;
            cells.Add(new AblationCell(k, levels, config));
        }
        return cells;
    }

    /// <summary>Leaf settings of an object as dotted paths; arrays and scalars are leaves.</summary>
    static IEnumerable<KeyValuePair<string, JsonNode?>> Flatten(JsonObject o, string prefix)
    {
        foreach (var (key, value) in o)
        {
            var path = prefix.Length == 0 ? key : $"{prefix}.{key}";
            if (value is JsonObject inner && inner.Count > 0) foreach (var leaf in Flatten(inner, path)) yield return leaf;
            else yield return new(path, value?.DeepClone());
        }
    }

    /// <summary>
    /// Sets <paramref name="path"/> (e.g. <c>model.filters</c>) in the recipe node; an unknown setting or a value of
    /// another JSON type than the setting's is refused by name.
    /// </summary>
    static void Set(JsonObject recipe, string path, JsonNode? value, string what, string source)
    {
        var parts = path.Split('.');
        JsonObject node = recipe;
        for (int i = 0; i < parts.Length; i++)
        {
            var known = node.FirstOrDefault(p => string.Equals(p.Key, parts[i], StringComparison.OrdinalIgnoreCase));
            if (known.Key is null)
                throw new FishKitException($"grid '{source}': {what} names an unknown setting '{path}' ('{parts[i]}' is not one of {string.Join(", ", node.Select(p => p.Key))}).");
            if (i < parts.Length - 1)
            {
                node = known.Value as JsonObject ?? throw new FishKitException($"grid '{source}': {what} names '{path}' but '{parts[i]}' is a single setting, not a group.");
                continue;
            }
            var current = known.Value;
            if (current is not null && value is not null && !SameKind(current.GetValueKind(), value.GetValueKind()))
                throw new FishKitException($"grid '{source}': {what} gives {path} the value {value.ToJsonString()} ({Kind(value.GetValueKind())}) but the setting takes {Kind(current.GetValueKind())}, e.g. {current.ToJsonString()}.");
            node[known.Key] = value?.DeepClone();
        }
    }

    static bool SameKind(JsonValueKind a, JsonValueKind b) => Kind(a) == Kind(b);

    static string Kind(JsonValueKind kind) => kind switch
    {
        JsonValueKind.True or JsonValueKind.False => "true/false",
        JsonValueKind.Number => "a number",
        JsonValueKind.String => "a string",
        JsonValueKind.Array => "a list",
        JsonValueKind.Object => "an object",
        _ => "null",
    };
}
