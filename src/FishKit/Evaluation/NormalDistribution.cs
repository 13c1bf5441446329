namespace FishKit.Evaluation;

/// <summary>The standard normal distribution's tail, accurate to about 1e-15 relative (no library function in .NET).</summary>
static class NormalDistribution
{
    /// <summary>P(|Z| &gt;= |z|) for a standard normal Z: the two-sided p-value of a z statistic.</summary>
    public static double TwoSidedP(double z) => Erfc(Math.Abs(z) / Math.Sqrt(2));

    /// <summary>The complementary error function for x &gt;= 0.</summary>
    public static double Erfc(double x)
    {
        if (double.IsNaN(x)) return double.NaN;
        if (x < 0) throw new ArgumentOutOfRangeException(nameof(x), x, "Erfc is implemented for x >= 0 only.");
        return x < 1 ? 1 - ErfSeries(x) : ErfcContinuedFraction(x);
    }

    /// <summary>erf(x) = 2/sqrt(pi) exp(-x^2) sum_n 2^n x^(2n+1) / (1*3*...*(2n+1)): positive terms, no cancellation.</summary>
    static double ErfSeries(double x)
    {
        double term = x, sum = x, x2 = 2 * x * x;
        for (int n = 1; term > 1e-17 * sum; n++)
        {
            term *= x2 / (2 * n + 1);
            sum += term;
        }
        return 2 / Math.Sqrt(Math.PI) * Math.Exp(-x * x) * sum;
    }

    /// <summary>
    /// erfc(x) = exp(-x^2)/sqrt(pi) * 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))), evaluated by the modified Lentz
    /// method; about 190 terms at x = 1, fewer beyond.
    /// </summary>
    static double ErfcContinuedFraction(double x)
    {
        const double Tiny = 1e-300;
        double f = x, c = x, d = 0;
        for (int k = 1; k < 500; k++)
        {
            double a = k / 2.0;
            d = x + a * d;
            d = 1 / (Math.Abs(d) < Tiny ? Tiny : d);
            c = x + a / c;
            if (Math.Abs(c) < Tiny) c = Tiny;
            double delta = c * d;
            f *= delta;
            if (Math.Abs(delta - 1) < 1e-16) break;
        }
        return Math.Exp(-x * x) / Math.Sqrt(Math.PI) / f;
    }
}
