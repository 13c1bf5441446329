namespace FishKit.Notebooks;

/// <summary>
/// The check at the end of an exercise's solution cell (a code cell tagged <see cref="SolutionTag"/>, which the student
/// copy leaves out): it shows "✓ exercise N: ..." when the solution does what the exercise asks, and fails the cell
/// otherwise, so the notebook tests, which run every cell, catch a solution that no longer holds.
/// </summary>
public static class Exercise
{
    /// <summary>The cell tag (metadata.tags) of a solution cell.</summary>
    public const string SolutionTag = "solution";

    /// <summary>What a passed check shows first.</summary>
    public const string Passed = "✓ exercise";

    /// <summary>Shows "✓ exercise <paramref name="number"/>: <paramref name="what"/>" when <paramref name="holds"/>; throws otherwise.</summary>
    public static string Check(int number, bool holds, string what) => holds
        ? $"{Passed} {number}: {what}"
        : throw new ExerciseFailedException($"exercise {number}: the solution's check failed: {what}");
}

/// <summary>A solution cell whose check did not hold.</summary>
public sealed class ExerciseFailedException(string message) : Exception(message);
