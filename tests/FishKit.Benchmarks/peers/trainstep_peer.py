"""PyTorch peer of the `trainstep` benchmark: one training step of the write-up's best model, written the way
ConvLSTMs are commonly written in PyTorch.

The cell keeps Keras' two separate convolutions (input: valid, recurrent: same, no bias), called once per time step
with h = c = 0 at the start, gates i, f, c, o from one 4F-channel output, and Keras' hard_sigmoid written literally as
clamp(0.2 x + 0.5, 0, 1). So it computes exactly the kit's model (same state_dict names, loaded from the file the
kit exported) without the kit's changes: no batched input convolution over all steps, no skipped first-step work.
Then BatchNorm without affine (momentum 0.01, eps 1e-3), global max pool, dense(1), class-weighted BCE with logits,
Adam(lr 8e-5, eps 1e-7).

Run by the benchmark with Debian's Python: /usr/bin/python3 trainstep_peer.py --weights W --clips C --shape B,T,C,H,W
  --labels 0,1,... --threads N --steps S [--save-after-first PATH] [--save-gradients PATH]. Prints `loss`, `step <wall s> <cpu s>` and
  memory lines (kB).
"""
import argparse
import resource
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


def hard_sigmoid(x):
    return torch.clamp(0.2 * x + 0.5, 0.0, 1.0)


class ConvLSTMCell(nn.Module):
    def __init__(self, in_channels, filters, k=3):
        super().__init__()
        self.filters = filters
        self.kernel = nn.Parameter(torch.empty(4 * filters, in_channels, k, k))
        self.recurrent_kernel = nn.Parameter(torch.empty(4 * filters, filters, k, k))

    def forward(self, x, h, c):
        z = F.conv2d(x, self.kernel) + F.conv2d(h, self.recurrent_kernel, padding=self.kernel.shape[-1] // 2)
        i, f, g, o = z.chunk(4, dim=1)
        c = hard_sigmoid(f) * c + hard_sigmoid(i) * torch.tanh(g)
        h = hard_sigmoid(o) * torch.tanh(c)
        return h, c


class ConvLSTM(nn.Module):
    def __init__(self, in_channels, filters):
        super().__init__()
        self.cell = ConvLSTMCell(in_channels, filters)

    def forward(self, x):
        b, t, _, height, width = x.shape
        k = self.cell.kernel.shape[-1]
        h = x.new_zeros(b, self.cell.filters, height - k + 1, width - k + 1)
        c = torch.zeros_like(h)
        for step in range(t):
            h, c = self.cell(x[:, step], h, c)
        return h


class WriteUpBest(nn.Module):
    def __init__(self, in_channels=4, filters=16):
        super().__init__()
        self.convlstm = nn.ModuleList([ConvLSTM(in_channels, filters)])
        self.norm = nn.BatchNorm2d(filters, eps=1e-3, momentum=0.01, affine=False)
        self.dense = nn.Linear(filters, 1)

    def forward(self, clips):
        x = clips.float() / 255
        h = self.norm(self.convlstm[0](x))
        return self.dense(h.amax(dim=(2, 3))).squeeze(1)


def kb(field):
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--weights", required=True)
    p.add_argument("--clips", required=True)
    p.add_argument("--shape", required=True)
    p.add_argument("--labels", required=True)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--steps", type=int, default=1)
    p.add_argument("--save-after-first")
    p.add_argument("--save-gradients")
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    shape = [int(v) for v in a.shape.split(",")]
    clips = torch.from_numpy(np.fromfile(a.clips, dtype=np.uint8).reshape(shape))
    labels = torch.tensor([float(v) for v in a.labels.split(",")])
    weights = torch.where(labels > 0, torch.tensor(0.866), torch.tensor(0.133))

    model = WriteUpBest(in_channels=shape[2])
    model.load_state_dict(torch.load(a.weights), strict=True)
    model.train()
    optimizer = torch.optim.Adam(model.parameters(), lr=8e-5, betas=(0.9, 0.999), eps=1e-7)
    print(f"rss_before_kb {kb('VmRSS')}")
    for step in range(1 + a.steps):  # the first step warms up
        start, cpu = time.perf_counter(), time.process_time()
        optimizer.zero_grad()
        loss = F.binary_cross_entropy_with_logits(model(clips), labels, weight=weights)
        loss.backward()
        if step == 0 and a.save_gradients:
            # Every parameter's gradient as float32, in sorted-name order (the kit writes the same layout).
            grads = [p.grad.detach().float().numpy().ravel() for _, p in sorted(model.named_parameters())]
            np.concatenate(grads).astype("<f4").tofile(a.save_gradients)
        optimizer.step()
        seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu
        if step == 0:
            print(f"loss {loss.item():.9g}")
            if a.save_after_first:
                torch.save(model.state_dict(), a.save_after_first)
        else:
            print(f"step {seconds:.6f} {cpu_seconds:.6f}")
    print(f"peak_kb {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}")


if __name__ == "__main__":
    main()
