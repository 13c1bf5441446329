using System.Text.Json;
using System.Text.Json.Nodes;
using FishKit.IO;

namespace FishKit.Notebooks.Runner;

/// <summary>
/// A .ipynb file (nbformat 4) as JSON, with the metadata that both VS Code Polyglot Notebooks and Jupyter's .NET kernel
/// accept: kernelspec ".net-csharp", language_info "polyglot-notebook", polyglot_notebook.kernelInfo defaulting to csharp,
/// and per code cell an id and polyglot_notebook.kernelName = "csharp".
/// </summary>
public sealed class NotebookFile
{
    /// <summary>The kernelspec name of the .NET Interactive C# kernel.</summary>
    public const string KernelName = ".net-csharp";

    NotebookFile(string path, JsonObject root)
    {
        Path = path;
        Root = root;
    }

    /// <summary>Where the notebook was read from.</summary>
    public string Path { get; }

    /// <summary>The whole notebook.</summary>
    public JsonObject Root { get; }

    /// <summary>The cells.</summary>
    public JsonArray Cells => Root["cells"] as JsonArray ?? throw new FishKitException($"{Path} has no cells array; it is not an nbformat 4 notebook.");

    /// <summary>Reads a notebook; a file that is not nbformat 4 JSON is a clear error.</summary>
    public static NotebookFile Read(string path)
    {
        if (!File.Exists(path)) throw new FishKitException($"notebook '{path}' does not exist.");
        var node = KitJson.Parse(File.ReadAllText(path), $"notebook '{path}'");
        if (node is not JsonObject root || root["nbformat"]?.GetValue<int>() != 4 || root["cells"] is not JsonArray)
            throw new FishKitException($"{path} is not an nbformat 4 notebook (no \"nbformat\": 4 or no cells).");
        return new NotebookFile(path, root);
    }

    /// <summary>The text of a cell (its source joined).</summary>
    public static string Source(JsonNode cell) => cell["source"] switch
    {
        JsonArray lines => string.Concat(lines.Select(l => l?.GetValue<string>() ?? "")),
        JsonValue text => text.GetValue<string>(),
        _ => "",
    };

    /// <summary>The cell's type: "code", "markdown" or "raw".</summary>
    public static string Type(JsonNode cell) => cell["cell_type"]?.GetValue<string>() ?? "";

    /// <summary>
    /// What is wrong with the notebook as a committed file: outputs or execution counts left in, or metadata that VS Code
    /// Polyglot Notebooks or Jupyter's .NET kernel would not accept (empty when nothing is).
    /// </summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        var meta = Root["metadata"];
        if (meta?["kernelspec"]?["name"]?.GetValue<string>() != KernelName)
            problems.Add($"metadata.kernelspec.name must be \"{KernelName}\" (a notebook without it runs under Python in Jupyter)");
        if (meta?["kernelspec"]?["language"]?.GetValue<string>() != "C#")
            problems.Add("metadata.kernelspec.language must be \"C#\"");
        if (meta?["language_info"]?["name"]?.GetValue<string>() != "polyglot-notebook")
            problems.Add("metadata.language_info.name must be \"polyglot-notebook\"");
        if (meta?["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"]?.GetValue<string>() != "csharp")
            problems.Add("metadata.polyglot_notebook.kernelInfo.defaultKernelName must be \"csharp\"");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < Cells.Count; i++)
        {
            var cell = Cells[i]!;
            string where = $"cell {i + 1}";
            var id = cell["id"]?.GetValue<string>();
            if (string.IsNullOrEmpty(id) || !ids.Add(id)) problems.Add($"{where} needs a unique id");
            if (Type(cell) != "code") continue;
            if (cell["outputs"] is not JsonArray outputs) problems.Add($"{where} has no outputs array");
            else if (outputs.Count > 0) problems.Add($"{where} has outputs; clear them before committing");
            if (cell["execution_count"] is JsonValue) problems.Add($"{where} has an execution count; clear outputs before committing");
            if (cell["metadata"]?["polyglot_notebook"]?["kernelName"]?.GetValue<string>() != "csharp")
                problems.Add($"{where}: metadata.polyglot_notebook.kernelName must be \"csharp\"");
        }
        if (Root["nbformat_minor"]?.GetValue<int>() is not >= 5) problems.Add("nbformat_minor must be 5 or more (cell ids)");
        return problems;
    }

    /// <summary>The notebook as indented JSON (one space, as Jupyter writes it).</summary>
    public string ToJson() => Root.ToJsonString(WriteOptions) + "\n";

    static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        IndentSize = 1,
        // Quotes and angle brackets as themselves (outputs hold HTML), as Jupyter writes them.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
