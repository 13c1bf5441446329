using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using static TorchSharp.torch;

namespace FishKit.Models;

/// <summary>
/// The element-wise part of a ConvLSTM step as one fused autograd operation (float32 on the CPU): from the input
/// projection, the recurrent projection and c it computes i, f, g, o, c' and h' in one pass over memory, and its
/// backward computes the gate gradients in one pass, where the same arithmetic as separate tensor operations makes
/// ~15 passes forward and ~25 backward and keeps ~10 tensors per step for autograd. It saves only the four gate
/// activations (c' is recomputed from them and c), so a step keeps 6 state-sized tensors (with c and the h the next
/// recurrent convolution saves) instead of ~10.
/// Derivatives come from the activations' outputs: tanh' = 1 - y², sigmoid' = y(1 - y), hard_sigmoid' = 0.2 where
/// 0 &lt; y &lt; 1, relu' = 1 where y &gt; 0 (at the exact corners of hard_sigmoid this takes the one-sided value 0).
/// </summary>
internal sealed unsafe class ConvLstmGates : autograd.MultiTensorFunction<ConvLstmGates>
{
    public override string Name => nameof(ConvLstmGates);

    /// <summary>Whether the fused kernels handle tensors like <paramref name="projected"/> (float32 on the CPU).</summary>
    public static bool Supports(Tensor projected) => projected.dtype == ScalarType.Float32 && projected.device_type == TorchSharp.DeviceType.CPU;

    /// <summary>
    /// h', c' of one step; <paramref name="recurrent"/> and <paramref name="c"/> are null at the first step (zero state).
    /// Without <paramref name="returnCell"/> only h' is returned (c' null): a last step's c' has no gradient, and an
    /// output without one would reach the backward as an undefined tensor that TorchSharp counts as live forever.
    /// </summary>
    public static (Tensor H, Tensor? C) Step(Tensor projected, Tensor? recurrent, Tensor? c, Activation activation, Activation recurrentActivation, bool returnCell)
    {
        var outputs = apply(projected.contiguous(), recurrent?.contiguous(), c?.contiguous(), activation, recurrentActivation, returnCell);
        return (outputs[0], returnCell ? outputs[1] : null);
    }

    public override List<Tensor> forward(autograd.AutogradContext ctx, params object[] vars)
    {
        var projected = (Tensor)vars[0];
        var recurrent = vars[1] as Tensor;
        var c = vars[2] as Tensor;
        var activation = (Activation)vars[3];
        var recurrentActivation = (Activation)vars[4];
        bool returnCell = (bool)vars[5];
        long batch = projected.shape[0], filters = projected.shape[1] / 4, plane = projected.shape[2] * projected.shape[3];
        var gates = empty_like(projected);
        var stateShape = new[] { batch, filters, projected.shape[2], projected.shape[3] };
        var h = empty(stateShape, ScalarType.Float32);
        var cNext = empty(stateShape, ScalarType.Float32);
        float* z = Data(projected), r = Data(recurrent), cp = Data(c), a = Data(gates), ho = Data(h), co = Data(cNext);
        ForEachPlane(batch, filters, plane, (n, f) =>
        {
            long g0 = (n * 4 * filters + f) * plane, s0 = (n * filters + f) * plane, gate = filters * plane;
            Forward(z + g0, r is null ? null : r + g0, cp is null ? null : cp + s0, a + g0, gate, ho + s0, co + s0, plane, activation, recurrentActivation);
        });
        ctx.save_for_backward([gates, c!]);
        ctx.save_data("activation", activation);
        ctx.save_data("recurrentActivation", recurrentActivation);
        ctx.save_data("hasRecurrent", recurrent is not null);
        ctx.set_materialize_grads(false);
        if (returnCell) return [h, cNext];
        cNext.Dispose();
        return [h];
    }

    /// <summary>
    /// Gradients handed to autograd by this thread's previous backward call. Autograd keeps its own reference to what
    /// a backward returns, so the handles can go at the next call; left in the caller's dispose scope they would keep
    /// every step's gate gradient alive until the training step ends (~24 MB per step at the write-up's size).
    /// </summary>
    [ThreadStatic] static List<Tensor>? handedOver;

    public override List<Tensor> backward(autograd.AutogradContext ctx, List<Tensor> grads)
    {
        if (handedOver is not null)
        {
            foreach (var t in handedOver) t.Dispose();
            handedOver.Clear();
        }
        List<Tensor> result;
        using (NewDisposeScope())
        {
            var saved = ctx.get_saved_variables();
            var gates = saved[0];
            var c = saved.Count > 1 && saved[1] is { IsInvalid: false } s ? s : null;
            var activation = (Activation)ctx.get_data("activation");
            var recurrentActivation = (Activation)ctx.get_data("recurrentActivation");
            bool hasRecurrent = (bool)ctx.get_data("hasRecurrent");
            var dh = Defined(grads[0])?.contiguous();
            var dc = grads.Count > 1 ? Defined(grads[1])?.contiguous() : null;
            long batch = gates.shape[0], filters = gates.shape[1] / 4, plane = gates.shape[2] * gates.shape[3];
            var dz = empty_like(gates).DetachFromDisposeScope();
            var dcPrev = c is null ? null : empty_like(c).DetachFromDisposeScope();
            float* a = Data(gates), cp = Data(c), gh = Data(dh), gc = Data(dc), gz = Data(dz), gcp = Data(dcPrev);
            ForEachPlane(batch, filters, plane, (n, f) =>
            {
                long g0 = (n * 4 * filters + f) * plane, s0 = (n * filters + f) * plane;
                Backward(a + g0, filters * plane, cp is null ? null : cp + s0, gh is null ? null : gh + s0, gc is null ? null : gc + s0,
                    gz + g0, gcp is null ? null : gcp + s0, plane, activation, recurrentActivation);
            });
            (handedOver ??= []).Add(dz);
            if (dcPrev is not null) handedOver.Add(dcPrev);
            result = [dz, hasRecurrent ? dz : null!, dcPrev!, null!, null!, null!];
        }
        // The incoming gradients are this call's to release (autograd passed its own references), saved tensors too.
        foreach (var g in grads) g?.Dispose();
        return result;
    }

    static Tensor? Defined(Tensor? t) => t is null || t.IsInvalid ? null : t;

    static float* Data(Tensor? t) => t is null ? null : (float*)Unsafe.AsPointer(ref MemoryMarshal.GetReference(t.bytes));

    /// <summary>
    /// Runs <paramref name="body"/> for every (sample, filter) plane, on as many threads as TorchSharp uses when a step
    /// has at least 2^20 state values (the write-up's size: 1.2 M). Below that one thread measured as fast or faster
    /// (a whole training step at 4 x 16 x 58 x 78 = 290 k values: 10-30% faster), the fork, join and wake-ups costing
    /// more than a second core gains on these memory-bound passes.
    /// </summary>
    static void ForEachPlane(long batch, long filters, long plane, Action<long, long> body)
    {
        int threads = Math.Max(1, get_num_threads());
        if (threads == 1 || batch * filters * plane < 1 << 20)
        {
            for (long p = 0; p < batch * filters; p++) body(p / filters, p % filters);
            return;
        }
        Parallel.For(0L, batch * filters, new ParallelOptions { MaxDegreeOfParallelism = threads }, p => body(p / filters, p % filters));
    }

    /// <summary>One plane forward: gate g of element j sits at z[g * gate + j].</summary>
    /// <remarks>Compiled optimised at first use (no tier-0 code), so the first batches run at full speed too.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static void Forward(float* z, float* r, float* cPrev, float* a, long gate, float* h, float* c, long count, Activation act, Activation ract)
    {
        long j = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; j + 8 <= count; j += 8)
            {
                var zi = Vector256.Load(z + j); var zf = Vector256.Load(z + gate + j);
                var zc = Vector256.Load(z + 2 * gate + j); var zo = Vector256.Load(z + 3 * gate + j);
                if (r is not null)
                {
                    zi += Vector256.Load(r + j); zf += Vector256.Load(r + gate + j);
                    zc += Vector256.Load(r + 2 * gate + j); zo += Vector256.Load(r + 3 * gate + j);
                }
                var i = Apply(ract, zi); var f = Apply(ract, zf); var g = Apply(act, zc); var o = Apply(ract, zo);
                var cn = i * g;
                if (cPrev is not null) cn += f * Vector256.Load(cPrev + j);
                (o * Apply(act, cn)).Store(h + j);
                cn.Store(c + j);
                i.Store(a + j); f.Store(a + gate + j); g.Store(a + 2 * gate + j); o.Store(a + 3 * gate + j);
            }
        }
        for (; j < count; j++)
        {
            float zi = z[j], zf = z[gate + j], zc = z[2 * gate + j], zo = z[3 * gate + j];
            if (r is not null) { zi += r[j]; zf += r[gate + j]; zc += r[2 * gate + j]; zo += r[3 * gate + j]; }
            float i = Apply(ract, zi), f = Apply(ract, zf), g = Apply(act, zc), o = Apply(ract, zo);
            float cn = i * g + (cPrev is null ? 0 : f * cPrev[j]);
            h[j] = o * Apply(act, cn);
            c[j] = cn;
            a[j] = i; a[gate + j] = f; a[2 * gate + j] = g; a[3 * gate + j] = o;
        }
    }

    /// <summary>
    /// One plane backward: with c' = f c + i g and h' = o act(c'), dc' = dc + dh o act'(c'); then
    /// dz_i = dc' g ract'(i), dz_f = dc' c ract'(f), dz_g = dc' i act'(g), dz_o = dh act(c') ract'(o), dc_prev = dc' f.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static void Backward(float* a, long gate, float* cPrev, float* dh, float* dc, float* dz, float* dcPrev, long count, Activation act, Activation ract)
    {
        long j = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; j + 8 <= count; j += 8)
            {
                var i = Vector256.Load(a + j); var f = Vector256.Load(a + gate + j);
                var g = Vector256.Load(a + 2 * gate + j); var o = Vector256.Load(a + 3 * gate + j);
                var cp = cPrev is null ? Vector256<float>.Zero : Vector256.Load(cPrev + j);
                var tc = Apply(act, f * cp + i * g);
                var gh = dh is null ? Vector256<float>.Zero : Vector256.Load(dh + j);
                var dcn = (dc is null ? Vector256<float>.Zero : Vector256.Load(dc + j)) + gh * o * Derivative(act, tc);
                (dcn * g * Derivative(ract, i)).Store(dz + j);
                (dcn * cp * Derivative(ract, f)).Store(dz + gate + j);
                (dcn * i * Derivative(act, g)).Store(dz + 2 * gate + j);
                (gh * tc * Derivative(ract, o)).Store(dz + 3 * gate + j);
                if (dcPrev is not null) (dcn * f).Store(dcPrev + j);
            }
        }
        for (; j < count; j++)
        {
            float i = a[j], f = a[gate + j], g = a[2 * gate + j], o = a[3 * gate + j];
            float cp = cPrev is null ? 0 : cPrev[j];
            float tc = Apply(act, f * cp + i * g);
            float gh = dh is null ? 0 : dh[j];
            float dcn = (dc is null ? 0 : dc[j]) + gh * o * Derivative(act, tc);
            dz[j] = dcn * g * Derivative(ract, i);
            dz[gate + j] = dcn * cp * Derivative(ract, f);
            dz[2 * gate + j] = dcn * i * Derivative(act, g);
            dz[3 * gate + j] = gh * tc * Derivative(ract, o);
            if (dcPrev is not null) dcPrev[j] = dcn * f;
        }
    }

    static readonly Vector256<float> One = Vector256.Create(1f), Half = Vector256.Create(0.5f), Fifth = Vector256.Create(0.2f);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector256<float> Apply(Activation activation, Vector256<float> x) => activation switch
    {
        // tanh(x) = sign(x) (1 - e) / (1 + e) with e = exp(-2|x|): no overflow, absolute error ~1e-7.
        Activation.Tanh => Tanh(x),
        Activation.Sigmoid => One / (One + Vector256.Exp(-x)),
        Activation.HardSigmoid => Vector256.Min(Vector256.Max(x * Fifth + Half, Vector256<float>.Zero), One),
        _ => Vector256.Max(x, Vector256<float>.Zero),
    };

    /// <summary>
    /// tanh to float32 precision: (1 - e) / (1 + e) with e = exp(-2|x|) for |x| >= 0.625, and below it Cephes' odd
    /// polynomial (tanhf), because 1 - e cancels near 0: relative errors up to 1e-5 at |x| ~ 0.01, where trained
    /// models keep their states, and their BatchNorm (variances ~1e-4) multiplies those errors by ~30.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector256<float> Tanh(Vector256<float> x)
    {
        var ax = Vector256.Abs(x);
        var e = Vector256.Exp(Vector256.Create(-2f) * ax);
        var s = ax * ax;
        var small = ((((Vector256.Create(-5.70498872745e-3f) * s + Vector256.Create(2.06390887954e-2f)) * s
            - Vector256.Create(5.37397155531e-2f)) * s + Vector256.Create(1.33314422036e-1f)) * s
            - Vector256.Create(3.33332819422e-1f)) * s * ax + ax;
        var t = Vector256.ConditionalSelect(Vector256.LessThan(ax, Vector256.Create(0.625f)), small, (One - e) / (One + e));
        return Vector256.ConditionalSelect(Vector256.LessThan(x, Vector256<float>.Zero), -t, t);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector256<float> Derivative(Activation activation, Vector256<float> y) => activation switch
    {
        Activation.Tanh => One - y * y,
        Activation.Sigmoid => y * (One - y),
        Activation.HardSigmoid => Vector256.ConditionalSelect(
            Vector256.GreaterThan(y, Vector256<float>.Zero) & Vector256.LessThan(y, One), Fifth, Vector256<float>.Zero),
        _ => Vector256.ConditionalSelect(Vector256.GreaterThan(y, Vector256<float>.Zero), One, Vector256<float>.Zero),
    };

    static float Apply(Activation activation, float x) => activation switch
    {
        Activation.Tanh => MathF.Tanh(x),
        Activation.Sigmoid => 1 / (1 + MathF.Exp(-x)),
        Activation.HardSigmoid => Math.Clamp(0.2f * x + 0.5f, 0f, 1f),
        _ => MathF.Max(x, 0),
    };

    static float Derivative(Activation activation, float y) => activation switch
    {
        Activation.Tanh => 1 - y * y,
        Activation.Sigmoid => y * (1 - y),
        Activation.HardSigmoid => y > 0 && y < 1 ? 0.2f : 0,
        _ => y > 0 ? 1 : 0,
    };
}
