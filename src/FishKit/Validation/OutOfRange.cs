namespace FishKit.Validation;

/// <summary>The one message for a parameter outside its range, whole or real.</summary>
static class OutOfRange
{
    /// <summary>"--bootstrap 0 is out of range; allowed: 1 to 1,000,000 resamples." (an option's name takes its value after a space, a parameter's after "=").</summary>
    public static FishKitException Error(string name, string value, string range) =>
        new($"{name}{(name.StartsWith("--", StringComparison.Ordinal) ? " " : " = ")}{value} is out of range; allowed: {range}.");
}
