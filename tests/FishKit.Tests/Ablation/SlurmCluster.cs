using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using FishKit.TestSupport;

namespace FishKit.Tests.Ablation;

/// <summary>
/// A single-node Slurm cluster for one test, from Debian's <c>slurm-wlm</c> and <c>munge</c>, run as root: a fresh
/// munge key and munged, then slurmctld and slurmd listening on 127.0.0.1 only, with the configuration, state, spool,
/// sockets and logs in a temporary folder. Client commands reach it through <c>SLURM_CONF</c> (<see cref="Environment"/>).
/// Dispose cancels its jobs and stops the daemons it started.
/// </summary>
sealed class SlurmCluster : IDisposable
{
    static readonly TimeSpan ClientLimit = TimeSpan.FromSeconds(30);

    readonly TempDir dir = new();
    readonly List<Process> daemons = [];

    SlurmCluster() { }

    /// <summary>What a client command (sbatch, squeue, scontrol) needs to reach this cluster.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string> { ["SLURM_CONF"] = dir["slurm.conf"] };

    /// <summary>Starts the daemons and waits until the node is idle; fails the test, saying why, where that cannot be done.</summary>
    public static SlurmCluster Start()
    {
        Assert.True(System.Environment.IsPrivilegedProcess, "the Slurm test starts munged, slurmctld and slurmd, which needs root (CI runs as root)");
        foreach (var daemon in new[] { "/usr/sbin/munged", "/usr/sbin/mungekey", "/usr/sbin/slurmctld", "/usr/sbin/slurmd" })
            Assert.True(File.Exists(daemon), $"{daemon} is missing: apt-get install slurm-wlm munge (.ci/run installs them)");
        var cluster = new SlurmCluster();
        try
        {
            cluster.Boot();
            return cluster;
        }
        catch
        {
            cluster.Dispose();
            throw;
        }
    }

    void Boot()
    {
        Directory.CreateDirectory(dir["state"]);
        Directory.CreateDirectory(dir["spool"]);
        var key = ChildProcess.Run("/usr/sbin/mungekey", ["--create", $"--keyfile={dir["munge.key"]}"], ClientLimit);
        Assert.True(key.ExitCode == 0, $"mungekey: {key}");
        // -f: the temporary folder's permissions are not those of /run/munge, which munged otherwise insists on
        Daemon("/usr/sbin/munged", "-F", "-f", $"--key-file={dir["munge.key"]}", $"--socket={dir["munge.socket"]}",
            $"--pid-file={dir["munged.pid"]}", $"--log-file={dir["munged.log"]}", $"--seed-file={dir["munged.seed"]}");
        WaitUntil(() => File.Exists(dir["munge.socket"]), "munged to create its socket");
        File.WriteAllText(dir["slurm.conf"], Configuration());
        Daemon("/usr/sbin/slurmctld", "-D", "-c", "-f", dir["slurm.conf"]);
        Daemon("/usr/sbin/slurmd", "-D", "-f", dir["slurm.conf"], "-N", "localhost");
        WaitUntil(() => Client("sinfo", ["--noheader", "--format=%T"], allowFailure: true).Trim() == "idle", "the node to be idle");
    }

    /// <summary>A minimal slurm.conf: one node of 2 CPUs, one default partition, no accounting, no cgroups.</summary>
    string Configuration() => $"""
        ClusterName=fishkit-test
        SlurmctldHost=localhost
        SlurmctldPort={FreePort()}
        SlurmdPort={FreePort()}
        CommunicationParameters=NoCtldInAddrAny,NoInAddrAny
        SlurmUser=root
        SlurmdUser=root
        AuthType=auth/munge
        AuthInfo=socket={dir["munge.socket"]}
        StateSaveLocation={dir["state"]}
        SlurmdSpoolDir={dir["spool"]}
        SlurmctldPidFile={dir["slurmctld.pid"]}
        SlurmdPidFile={dir["slurmd.pid"]}
        SlurmctldLogFile={dir["slurmctld.log"]}
        SlurmdLogFile={dir["slurmd.log"]}
        ProctrackType=proctrack/linuxproc
        TaskPlugin=task/none
        SelectType=select/cons_tres
        SelectTypeParameters=CR_CPU
        JobAcctGatherType=jobacct_gather/none
        AccountingStorageType=accounting_storage/none
        MpiDefault=none
        MailProg=/bin/true
        ReturnToService=2
        NodeName=localhost NodeAddr=127.0.0.1 CPUs=2 State=UNKNOWN
        PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP
        """;

    /// <summary>A TCP port free on 127.0.0.1 now (the daemons bind it a moment later).</summary>
    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Runs a Slurm client command against this cluster and returns what it printed; a failure fails the test unless allowed.</summary>
    public string Client(string program, params IEnumerable<string> arguments) => Client(program, arguments, allowFailure: false);

    string Client(string program, IEnumerable<string> arguments, bool allowFailure)
    {
        var result = ChildProcess.Run(program, arguments, ClientLimit, environment: Environment);
        Assert.True(allowFailure || result.ExitCode == 0, $"{program}: {result}\n{Logs()}");
        return result.Output;
    }

    /// <summary>The state of job <paramref name="id"/> (PENDING, RUNNING, COMPLETED, FAILED, CANCELLED, ...).</summary>
    public string JobState(string id) =>
        Client("scontrol", "--oneliner", "show", "job", id).Split(' ').Single(f => f.StartsWith("JobState=", StringComparison.Ordinal))["JobState=".Length..];

    /// <summary>Waits until job <paramref name="id"/> has ended (at most <paramref name="limit"/>) and returns its final state.</summary>
    public string WaitForJob(string id, TimeSpan limit)
    {
        string state = "";
        WaitUntil(() => (state = JobState(id)) is not ("PENDING" or "RUNNING" or "CONFIGURING" or "COMPLETING"), $"job {id} to end", limit);
        return state;
    }

    /// <summary>The daemons' logs, for a failure message.</summary>
    public string Logs() => string.Join("\n", new[] { "slurmctld.log", "slurmd.log", "munged.log" }
        .Where(f => File.Exists(dir[f]))
        .Select(f => $"--- {f} (last lines)\n{string.Join('\n', File.ReadLines(dir[f]).TakeLast(15))}"));

    void WaitUntil(Func<bool> done, string what, TimeSpan? limit = null)
    {
        var clock = Stopwatch.StartNew();
        while (!done())
        {
            if (clock.Elapsed > (limit ?? TimeSpan.FromSeconds(60)))
                Assert.Fail($"waited {clock.Elapsed.TotalSeconds:F0} s for {what}\n{Logs()}");
            Thread.Sleep(500);
        }
    }

    void Daemon(string program, params string[] arguments)
    {
        var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        process.BeginOutputReadLine(); // drained, not kept: the daemons log to files in the folder
        process.BeginErrorReadLine();
        daemons.Add(process);
    }

    public void Dispose()
    {
        if (daemons.Count == 3) ChildProcess.Run("scancel", ["--user=root"], ClientLimit, environment: Environment);
        foreach (var daemon in Enumerable.Reverse(daemons))
        {
            if (!daemon.HasExited) daemon.Kill(entireProcessTree: true);
            daemon.WaitForExit();
            daemon.Dispose();
        }
        dir.Dispose();
    }
}
