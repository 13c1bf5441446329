"""Reference outputs of Keras 2's ConvLSTM2D, the write-up's classifiers and the y-tilde LSTM, for FishKit's Models tests.

Everything is computed in float64 with plain numpy loops that follow Keras 2.4 (TensorFlow 2.3) literally, in
Keras' own channels-last layouts, independent of the kit's code and of PyTorch:

  ConvLSTM2D cell, gates stacked i, f, c, o along the last kernel axis:
    x_i, x_f, x_c, x_o = conv(x_t, kernel[..., block], padding) (+ bias[block])
    h_i, h_f, h_c, h_o = conv(h_{t-1}, recurrent_kernel[..., block], "same")
    i = recurrent_activation(x_i + h_i);  f = recurrent_activation(x_f + h_f)
    c_t = f * c_{t-1} + i * activation(x_c + h_c)
    o = recurrent_activation(x_o + h_o);  h_t = o * activation(c_t)
  with h_0 = c_0 = 0, hard_sigmoid(x) = clip(0.2 x + 0.5, 0, 1), and conv = cross-correlation (no kernel flip):
    out[n, y, x, o] = sum_{a, b, i} padded[n, y + a, x + b, i] * kernel[a, b, i, o]
  "same" pads k - 1 rows and columns, (k - 1) // 2 before and the rest after (TensorFlow's rule for even k).

Layouts: Keras keeps inputs as (B, T, H, W, C) and kernels as (kh, kw, in, out); PyTorch (and the kit) use
(B, T, C, H, W) and (out, in, kh, kw). Both describe the same cross-correlation, so the kit's kernel is
keras_kernel.transpose(3, 2, 0, 1) and its input keras_input.transpose(0, 1, 4, 2, 3): the tests do exactly that.
A Dense kernel is (in, out) in Keras and (out, in) in PyTorch.

Run with Debian's Python: /usr/bin/python3 make_convlstm_reference.py  (writes convlstm_reference.json beside it)
"""
import json
import os

import numpy as np

rng = np.random.default_rng(20210607)

ACTIVATIONS = {
    "tanh": np.tanh,
    "sigmoid": lambda x: 1.0 / (1.0 + np.exp(-x)),
    "hard_sigmoid": lambda x: np.clip(0.2 * x + 0.5, 0.0, 1.0),
    "relu": lambda x: np.maximum(x, 0.0),
}


def pad_same(x, k):
    """Zero padding of (N, H, W, C) for a 'same' k x k convolution, TensorFlow style."""
    before = (k - 1) // 2
    after = k - 1 - before
    return np.pad(x, ((0, 0), (before, after), (before, after), (0, 0)))


def conv(x, kernel, padding):
    """Cross-correlation of x (N, H, W, Cin) with a Keras kernel (kh, kw, Cin, Cout), stride 1."""
    k = kernel.shape[0]
    if padding == "same":
        x = pad_same(x, k)
    n, h, w, _ = x.shape
    ho, wo = h - k + 1, w - k + 1
    out = np.zeros((n, ho, wo, kernel.shape[3]))
    for a in range(k):
        for b in range(kernel.shape[1]):
            # (N, Ho, Wo, Cin) @ (Cin, Cout): one kernel tap at every output position.
            out += x[:, a:a + ho, b:b + wo, :] @ kernel[a, b]
    return out


def convlstm(x, kernel, recurrent_kernel, bias, padding, activation, recurrent_activation):
    """Keras ConvLSTM2D over x (B, T, H, W, C); returns every h_t (B, T, H', W', F) and the last c."""
    act, ract = ACTIVATIONS[activation], ACTIVATIONS[recurrent_activation]
    f = recurrent_kernel.shape[2]
    batch, steps = x.shape[:2]
    h = c = None
    sequence = []
    for t in range(steps):
        z = conv(x[:, t], kernel, padding)
        if bias is not None:
            z = z + bias
        if h is None:
            ho, wo = z.shape[1:3]
            h = np.zeros((batch, ho, wo, f))
            c = np.zeros((batch, ho, wo, f))
        r = conv(h, recurrent_kernel, "same")
        zi, zf, zc, zo = (z[..., g * f:(g + 1) * f] + r[..., g * f:(g + 1) * f] for g in range(4))
        i = ract(zi)
        fg = ract(zf)
        c = fg * c + i * act(zc)
        o = ract(zo)
        h = o * act(c)
        sequence.append(h)
    return np.stack(sequence, axis=1), c


def batch_norm(x, mean, var, eps=1e-3):
    """BatchNormalization without centre and scale, channels last."""
    return (x - mean) / np.sqrt(var + eps)


def flat(a):
    return [float(v) for v in np.asarray(a, dtype=np.float64).ravel()]


def draw(*args):
    """Normal draws rounded to 4 decimals: short in JSON, and the rounded values are the ones used."""
    return np.round(rng.normal(*args), 4)


def cell_case(name, padding, k, use_bias, activation, recurrent_activation, batch=2, steps=3, channels=2, size=(5, 5), filters=3):
    x = draw(0, 1, (batch, steps, size[0], size[1], channels))
    # Weights large enough that many hard_sigmoid inputs fall outside [-2.5, 2.5] (its flat parts).
    kernel = draw(0, 0.6, (k, k, channels, 4 * filters))
    recurrent = draw(0, 0.6, (k, k, filters, 4 * filters))
    bias = draw(0, 0.5, 4 * filters) if use_bias else None
    sequence, last_c = convlstm(x, kernel, recurrent, bias, padding, activation, recurrent_activation)
    return {
        "name": name, "padding": padding, "kernel_size": k, "filters": filters, "use_bias": use_bias,
        "activation": activation, "recurrent_activation": recurrent_activation,
        "input_shape": list(x.shape), "input": flat(x),
        "kernel": flat(kernel), "recurrent_kernel": flat(recurrent), "bias": flat(bias) if use_bias else [],
        "sequence_shape": list(sequence.shape), "sequence": flat(sequence), "last_c": flat(last_c),
    }


def classifier_case(architecture, size):
    """The write-up's classifiers on uint8 pixels, BatchNorm with given running statistics (eval) or batch statistics (train)."""
    batch, steps, channels = 2, 3, 4
    pixels = rng.integers(0, 256, (batch, steps, size[0], size[1], channels)).astype(np.uint8)
    x = pixels.astype(np.float64) / 255.0
    case = {"architecture": architecture, "input_shape": list(pixels.shape), "input": [int(v) for v in pixels.ravel()]}
    # Neither published model has ConvLSTM biases (the author's checkpoints; the kit's writeup-best and writeup-two-layer).
    layers = [(16, False)] if architecture == "writeup-best" else [(16, False), (32, False)]
    in_ch = channels
    weights = []
    for filters, use_bias in layers:
        kernel = draw(0, 0.3, (3, 3, in_ch, 4 * filters))
        recurrent = draw(0, 0.15, (3, 3, filters, 4 * filters))
        bias = draw(0, 0.3, 4 * filters) if use_bias else None
        weights.append((kernel, recurrent, bias))
        in_ch = filters
    norm_mean = draw(0, 0.2, 16)
    norm_var = np.round(rng.uniform(0.05, 0.5, 16), 4)
    dense_kernel = draw(0, 0.5, (in_ch, 1))
    dense_bias = draw(0, 0.1, 1)

    def forward(training):
        kernel, recurrent, bias = weights[0]
        seq, _ = convlstm(x, kernel, recurrent, bias, "valid", "tanh", "hard_sigmoid")
        if architecture == "writeup-best":
            h = seq[:, -1]
            mean, var = (h.mean(axis=(0, 1, 2)), h.var(axis=(0, 1, 2))) if training else (norm_mean, norm_var)
            h = batch_norm(h, mean, var)
        else:
            b, t, hh, ww, f = seq.shape
            # TimeDistributed(MaxPooling2D(2)) then TimeDistributed(BatchNormalization(center=False, scale=False)).
            ph, pw = hh // 2, ww // 2
            pooled = seq[:, :, :2 * ph, :2 * pw].reshape(b, t, ph, 2, pw, 2, f).max(axis=(3, 5))
            mean, var = (pooled.mean(axis=(0, 1, 2, 3)), pooled.var(axis=(0, 1, 2, 3))) if training else (norm_mean, norm_var)
            pooled = batch_norm(pooled, mean, var)
            kernel, recurrent, bias = weights[1]
            seq2, _ = convlstm(pooled, kernel, recurrent, bias, "valid", "tanh", "hard_sigmoid")
            h = seq2[:, -1]
        pooled_max = h.max(axis=(1, 2))
        return (pooled_max @ dense_kernel + dense_bias)[:, 0]

    case["layers"] = [{"kernel": flat(k), "recurrent_kernel": flat(r), "bias": flat(b) if b is not None else []}
                      for k, r, b in weights]
    case.update({
        "norm_mean": flat(norm_mean), "norm_var": flat(norm_var),
        "dense_kernel": flat(dense_kernel), "dense_bias": flat(dense_bias),
        "eval_logits": flat(forward(False)), "train_logits": flat(forward(True)),
    })
    return case


def ytilde_lstm_case(window=5, hidden=3, layers=2, batch=3, offset=0.001, scale=1000.0):
    """The y-tilde LSTM: PyTorch/Keras LSTM equations (gates i, f, g, o) per layer, logit = dense(h_T of the top layer)."""
    sig = ACTIVATIONS["sigmoid"]
    y = np.round(rng.uniform(0, 0.004, (batch, window)), 6)
    x = ((y - offset) * scale)[:, :, None]
    weights = []
    inputs = 1
    for _ in range(layers):
        w_ih, w_hh = draw(0, 0.5, (4 * hidden, inputs)), draw(0, 0.5, (4 * hidden, hidden))
        b_ih, b_hh = draw(0, 0.3, 4 * hidden), draw(0, 0.3, 4 * hidden)
        weights.append((w_ih, w_hh, b_ih, b_hh))
        seq = []
        h = np.zeros((batch, hidden))
        c = np.zeros((batch, hidden))
        for t in range(window):
            z = x[:, t] @ w_ih.T + b_ih + h @ w_hh.T + b_hh
            i, f, g, o = (z[:, k * hidden:(k + 1) * hidden] for k in range(4))
            c = sig(f) * c + sig(i) * np.tanh(g)
            h = sig(o) * np.tanh(c)
            seq.append(h)
        x = np.stack(seq, axis=1)
        inputs = hidden
    dense_w, dense_b = draw(0, 0.5, (1, hidden)), draw(0, 0.1, 1)
    logits = x[:, -1] @ dense_w.T + dense_b
    return {
        "window": window, "hidden": hidden, "layers": layers, "offset": offset, "scale": scale,
        "ytilde_shape": list(y.shape), "ytilde": flat(y),
        "lstm": [{"weight_ih": flat(a), "weight_hh": flat(b), "bias_ih": flat(c), "bias_hh": flat(d)} for a, b, c, d in weights],
        "dense_weight": flat(dense_w), "dense_bias": flat(dense_b), "logits": flat(logits[:, 0]),
    }


cells = [
    cell_case("valid-bias-tanh-hard_sigmoid", "valid", 3, True, "tanh", "hard_sigmoid"),
    cell_case("same-nobias-tanh-hard_sigmoid", "same", 3, False, "tanh", "hard_sigmoid"),
    cell_case("valid-nobias-relu-sigmoid", "valid", 3, False, "relu", "sigmoid"),
    cell_case("same-bias-tanh-sigmoid", "same", 3, True, "tanh", "sigmoid"),
    cell_case("same-even-kernel-bias", "same", 2, True, "tanh", "hard_sigmoid", size=(4, 6)),
]
models = [classifier_case("writeup-best", (6, 7)), classifier_case("writeup-two-layer", (8, 9))]
ytilde_lstm = ytilde_lstm_case()

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "convlstm_reference.json")
with open(out, "w") as fh:
    json.dump({"cells": cells, "models": models, "ytilde_lstm": ytilde_lstm}, fh)
print(f"wrote {out}: {len(cells)} cell cases, {len(models)} classifier cases, 1 y-tilde LSTM case")
