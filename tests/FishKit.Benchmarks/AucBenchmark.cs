using System.Globalization;
using FishKit.Evaluation;
using FishKit.IO;

namespace FishKit.Benchmarks;

/// <summary>
/// ROC AUC on 10^6 seeded scores (rounded to 4 decimals, so many ties; ~13 % positives like the write-up's labels):
/// the kit's <see cref="Roc.Auc"/> against scikit-learn's roc_auc_score on the same data in the same run.
/// </summary>
public sealed class AucBenchmark : IBenchmark
{
    public string Name => "auc";

    public string Description => "ROC AUC on 10^6 tied scores vs scikit-learn's roc_auc_score [--n N] [--repeats R] [--seed S]";

    public int Run(string[] args)
    {
        int n = Option(args, "--n", 1_000_000), repeats = Option(args, "--repeats", 15), seed = Option(args, "--seed", 20210615);
        var (labels, scores) = Data(n, seed);
        var dir = Directory.CreateTempSubdirectory("fishkit-auc-");
        try
        {
            Series.WriteLabels(Path.Combine(dir.FullName, "labels.npy"), labels, "label");
            Series.Write(Path.Combine(dir.FullName, "scores.npy"), scores, "score");

            double kitAuc = 0;
            double kit = Measure.MedianSeconds(repeats, () => kitAuc = Roc.Auc(labels, scores));
            double report = Measure.MedianSeconds(repeats, () => EvaluationReport.Of(labels, scores));
            var peer = Measure.RunPeer("auc_peer.py", Path.Combine(dir.FullName, "labels.npy"), Path.Combine(dir.FullName, "scores.npy"),
                repeats.ToString(CultureInfo.InvariantCulture)).Split(' ');
            double sklearn = double.Parse(peer[0], CultureInfo.InvariantCulture), sklearnAuc = double.Parse(peer[1], CultureInfo.InvariantCulture);

            int positives = labels.Count(l => l), distinct = scores.Distinct().Count();
            Console.WriteLine($"auc: ROC AUC of {n:N0} scores ({positives:N0} positives, {distinct:N0} distinct values), median of {repeats}");
            Console.WriteLine($"machine: {Measure.Machine()}");
            Console.WriteLine($"  kit Roc.Auc                      {kit * 1e3,9:F2} ms   AUC {kitAuc:R}");
            Console.WriteLine($"  scikit-learn roc_auc_score       {sklearn * 1e3,9:F2} ms   AUC {sklearnAuc:R}");
            Console.WriteLine($"  kit EvaluationReport.Of (all)    {report * 1e3,9:F2} ms   (AUC, AP, Youden, max accuracy)");
            Console.WriteLine($"  ratio scikit-learn / kit         {sklearn / kit,9:F1} x");
            double difference = Math.Abs(kitAuc - sklearnAuc);
            Console.WriteLine($"  |AUC difference| = {difference:E1} ({(difference <= 1e-9 ? "agree to 1e-9" : "DISAGREE")})");
            return difference <= 1e-9 ? 0 : 1;
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>Labels ~13 % positive; scores = sigmoid(normal + 1.2 * label) rounded to 4 decimals.</summary>
    static (bool[] Labels, double[] Scores) Data(int n, int seed)
    {
        var random = new Random(seed);
        var labels = new bool[n];
        var scores = new double[n];
        for (int i = 0; i < n; i++)
        {
            labels[i] = random.NextDouble() < 0.13;
            double normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            scores[i] = Math.Round(1 / (1 + Math.Exp(-(normal + (labels[i] ? 1.2 : 0)))), 4);
        }
        return (labels, scores);
    }

    static int Option(string[] args, string name, int fallback)
    {
        int at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
