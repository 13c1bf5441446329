namespace FishKit.Benchmarks;

/// <summary>One benchmark command: measures the kit against a peer in the same run and prints the ratio.</summary>
public interface IBenchmark
{
    /// <summary>The name given on the command line.</summary>
    string Name { get; }

    /// <summary>One line for the usage list.</summary>
    string Description { get; }

    /// <summary>Runs the benchmark; returns the exit code.</summary>
    int Run(string[] args);
}
