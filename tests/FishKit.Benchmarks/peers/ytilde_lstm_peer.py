"""PyTorch peer of the `ytildelstm` benchmark: one training epoch of the y-tilde LSTM, then scoring the validation
windows, written the way such a model is commonly written in PyTorch.

The model is nn.LSTM(1, 32, num_layers=2, batch_first=True) over windows of 120 y-tilde values times 1000, the last
step's output through nn.Linear(32, 1): the kit's YTildeLstm, with the same state_dict names, loaded from the file the
kit exported. Samples are the frames 119 .. T-47 (the labelled range), taken in the batches the kit drew (order.npy:
frames in order, `--batch` per batch); windows are cut from the numpy series per batch. Loss: binary cross-entropy with
logits weighted {0: positive rate, 1: 1 - positive rate} of the training labels; Adam(lr, betas 0.9/0.999, eps).
Validation: sigmoid of every validation window in batches of `--eval-batch`, ROC AUC by scikit-learn.

Run by the benchmark with Debian's Python: /usr/bin/python3 ytilde_lstm_peer.py --data DIR --threads N --lr LR --eps EPS
  --batch B --eval-batch E. Prints `epoch <wall s> <cpu s>`, `loss_after <batch> <running mean loss>` for batches 1 and
  10, `train_loss` (the epoch's mean) and `val_auc`.
"""
import argparse
import os
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from sklearn.metrics import roc_auc_score

WINDOW, FIRST, LOOK_AHEAD = 120, 119, 45


class YTildeLstm(nn.Module):
    def __init__(self, hidden=32, layers=2):
        super().__init__()
        self.lstm = nn.LSTM(1, hidden, layers, batch_first=True)
        self.dense = nn.Linear(hidden, 1)

    def forward(self, windows):
        output, _ = self.lstm(windows.unsqueeze(2) * 1000.0)
        return self.dense(output[:, -1]).squeeze(1)


def windows(series, frames):
    index = frames[:, None] - WINDOW + 1 + np.arange(WINDOW)[None, :]
    return torch.from_numpy(series[index].astype(np.float32))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--data", required=True)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--lr", type=float, required=True)
    p.add_argument("--eps", type=float, required=True)
    p.add_argument("--batch", type=int, required=True)
    p.add_argument("--eval-batch", type=int, required=True)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    load = lambda name: np.load(os.path.join(a.data, name))
    train, train_labels = load("train.npy"), load("train-labels.npy").astype(np.float32)
    val, val_labels = load("val.npy"), load("val-labels.npy")
    order = load("order.npy").astype(np.int64)
    labelled = train_labels[FIRST:len(train) - 2 - LOOK_AHEAD + 1]
    rate = float(labelled.mean())
    w0, w1 = rate, 1 - rate

    model = YTildeLstm()
    model.load_state_dict(torch.load(os.path.join(a.data, "weights.pt")), strict=True)
    optimizer = torch.optim.Adam(model.parameters(), lr=a.lr, betas=(0.9, 0.999), eps=a.eps)

    start, cpu = time.perf_counter(), time.process_time()
    model.train()
    losses = []
    for b in range(0, len(order), a.batch):
        frames = order[b:b + a.batch]
        targets = torch.from_numpy(train_labels[frames])
        optimizer.zero_grad()
        loss = F.binary_cross_entropy_with_logits(model(windows(train, frames)), targets, weight=targets * (w1 - w0) + w0)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    model.eval()
    val_frames = np.arange(FIRST, len(val) - 2 - LOOK_AHEAD + 1)
    with torch.no_grad():
        scores = torch.cat([torch.sigmoid(model(windows(val, val_frames[i:i + a.eval_batch])))
                            for i in range(0, len(val_frames), a.eval_batch)]).numpy()
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu
    print(f"epoch {seconds:.6f} {cpu_seconds:.6f}")
    for batch in (1, 10):
        print(f"loss_after {batch} {np.mean(losses[:batch]):.9g}")
    print(f"train_loss {np.mean(losses):.9g}")
    print(f"val_auc {roc_auc_score(val_labels[val_frames], scores):.9g}")


if __name__ == "__main__":
    main()
