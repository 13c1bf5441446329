using System.Text.Json;
using System.Text.Json.Serialization;

namespace FishKit.IO;

/// <summary>The one JSON convention of the kit's files (configs, histories, checkpoints): camelCase properties, enums as snake_case strings, indented.</summary>
public static class KitJson
{
    /// <summary>The serializer options every kit file uses.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
    };
}
