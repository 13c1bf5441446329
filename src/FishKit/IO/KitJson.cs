using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FishKit.Errors;

namespace FishKit.IO;

/// <summary>
/// The one JSON convention of the kit's files (configs, histories, checkpoints): camelCase properties, enums as
/// snake_case strings, indented; a key given twice in one object is refused by name, never silently overwritten.
/// </summary>
public static class KitJson
{
    /// <summary>The serializer options every kit file uses.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        AllowDuplicateProperties = false,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
    };

    /// <summary>
    /// Parses JSON the user wrote into a node tree; invalid JSON, or a key given twice in one object, throws a one-line
    /// error that starts with <paramref name="what"/> (e.g. "grid 'g.json'") and names the problem (the key, the line).
    /// </summary>
    public static JsonNode? Parse(string json, string what)
    {
        try { return JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false }); }
        catch (JsonException e) { throw new FishKitException($"{what} is not valid JSON: {ErrorReport.OneLine(e.Message)}", e); }
    }
}
