using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace FishKit.Cli;

/// <summary>
/// The values on the command line in plain words: numbers are read with a point for decimals (so "0,1" is not taken as
/// 1) and must be finite, text (paths above all) may not be empty, and what is refused is said with the option's name and
/// what it takes, never with .NET's type names.
/// </summary>
static class OptionValues
{
    /// <summary>Adds the checks to every option and argument of <paramref name="command"/> and its subcommands.</summary>
    public static void Check(Command command)
    {
        foreach (var option in command.Options)
            option.Validators.Add(result => Report(result, option.Name, option.ValueType));
        foreach (var argument in command.Arguments)
            argument.Validators.Add(result => Report(result, $"<{argument.Name}>", argument.ValueType));
        foreach (var sub in command.Subcommands) Check(sub);
    }

    /// <summary>The plain-words problem with <paramref name="token"/> as a value of type <paramref name="type"/> for <paramref name="name"/>, or null when it is fine.</summary>
    public static string? Problem(string name, Type type, string token)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
            return string.IsNullOrWhiteSpace(token) ? $"{name} is empty; give a value." : null;
        if (type == typeof(int) || type == typeof(long))
            return long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long whole)
                   && (type == typeof(long) || whole is >= int.MinValue and <= int.MaxValue)
                ? null
                : $"{name} '{token}' is not a whole number{(type == typeof(int) ? " from -2,147,483,648 to 2,147,483,647" : "")}.";
        if (type == typeof(double))
            return double.TryParse(token, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                       CultureInfo.InvariantCulture, out double number) && double.IsFinite(number)
                ? null
                : $"{name} '{token}' is not a finite number; write decimals with a point, e.g. 0.001.";
        return null;
    }

    static void Report(SymbolResult result, string name, Type type)
    {
        foreach (var token in result.Tokens)
            if (Problem(name, type, token.Value) is { } problem)
            {
                result.AddError(problem);
                return;
            }
    }
}
