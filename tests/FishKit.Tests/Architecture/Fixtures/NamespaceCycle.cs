// A known namespace cycle, made only inside method bodies, for ArchitectureRulesTests to find (never part of the kit).
namespace FishKit.Tests.Architecture.Fixtures.CycleA
{
    static class First
    {
        public static int Use() => FishKit.Tests.Architecture.Fixtures.CycleB.Second.Value + 1;
    }
}

namespace FishKit.Tests.Architecture.Fixtures.CycleB
{
    static class Second
    {
        public static int Value => 2;

        public static string Back() => typeof(FishKit.Tests.Architecture.Fixtures.CycleA.First).Name;
    }
}

namespace FishKit.Tests.Architecture.Fixtures.Acyclic
{
    static class Third
    {
        public static int Use() => FishKit.Tests.Architecture.Fixtures.CycleB.Second.Value;
    }
}
