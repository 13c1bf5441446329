using System.Reflection;
using FishKit.Benchmarks;

// Benchmark commands: `dotnet run -c Release --project tests/FishKit.Benchmarks -- <name> [args]`.
// Each compares the kit with a peer measured in the same run and prints medians and ratios.
var benchmarks = typeof(IBenchmark).Assembly.GetTypes()
    .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IBenchmark).IsAssignableFrom(t))
    .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
    .OrderBy(b => b.Name)
    .ToList();

if (args.Length == 0 || benchmarks.All(b => b.Name != args[0]))
{
    Console.WriteLine("usage: FishKit.Benchmarks <benchmark> [options]");
    foreach (var b in benchmarks) Console.WriteLine($"  {b.Name,-12} {b.Description}");
    return args.Length == 0 ? 0 : 2;
}
return benchmarks.Single(b => b.Name == args[0]).Run(args[1..]);
