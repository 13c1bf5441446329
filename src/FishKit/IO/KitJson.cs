using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
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
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { AddRegisteredSubtypes } },
    };

    static readonly Lock SubtypesGate = new();
    static readonly Dictionary<Type, List<JsonDerivedType>> Subtypes = [];

    /// <summary>
    /// Adds <typeparamref name="TDerived"/> as a subtype of the polymorphic <typeparamref name="TBase"/> (a type marked
    /// <c>[JsonPolymorphic]</c>), written and read with <paramref name="discriminator"/>, as a <c>[JsonDerivedType]</c> on
    /// the base type would: for subtypes defined in a library above the base type's, which the base type cannot name
    /// (the y-tilde LSTM's config registers itself as a model config this way). Call it before the base type is first
    /// serialized, e.g. from a module initializer of the subtype's assembly.
    /// </summary>
    public static void RegisterSubtype<TBase, TDerived>(string discriminator) where TDerived : TBase
    {
        lock (SubtypesGate)
        {
            if (!Subtypes.TryGetValue(typeof(TBase), out var list)) Subtypes[typeof(TBase)] = list = [];
            if (list.Any(d => d.DerivedType == typeof(TDerived))) return;
            list.Add(new JsonDerivedType(typeof(TDerived), discriminator));
        }
    }

    static void AddRegisteredSubtypes(JsonTypeInfo info)
    {
        List<JsonDerivedType> added;
        lock (SubtypesGate)
        {
            if (!Subtypes.TryGetValue(info.Type, out var list)) return;
            added = [.. list];
        }
        info.PolymorphismOptions ??= new JsonPolymorphismOptions();
        foreach (var derived in added)
            if (!info.PolymorphismOptions.DerivedTypes.Any(d => d.DerivedType == derived.DerivedType))
                info.PolymorphismOptions.DerivedTypes.Add(derived);
    }

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
