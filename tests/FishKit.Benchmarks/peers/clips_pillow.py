"""Clip assembly the original's way: for every sample, Pillow decodes its 120 PNGs (Keras' load_img with
target_size=(120, 160), i.e. Pillow's nearest resize), numpy turns each into float32 / 255 (img_to_array), 4 frames
become the channels of a step and 30 steps a clip, channels-last (30, 120, 160, 4); 4 clips make a batch.

usage: clips_pillow.py <frames-dir> <clips> <sums-out.txt>
Clips end at frames 119, 120, ... . Prints 'clips_per_second <rate after one warm-up batch>' and writes, for the first
clip, the pixel sum (in 0..255 levels) of each of its 120 frames in time order, one per line, to check the kit against.
"""
import os
import sys
import time

import numpy as np
from PIL import Image

STEPS, CHANNELS, WIDTH, HEIGHT, BATCH = 30, 4, 160, 120, 4


def frame(path):
    img = Image.open(path)
    if img.mode != "L":
        img = img.convert("L")
    img = img.resize((WIDTH, HEIGHT), Image.NEAREST)
    return np.asarray(img, dtype=np.float32)[:, :, None] / 255.0


def clip(paths, t):
    first = t - STEPS * CHANNELS + 1
    steps = [np.concatenate([frame(paths[first + s * CHANNELS + c]) for c in range(CHANNELS)], axis=2) for s in range(STEPS)]
    return np.stack(steps)


def batches(paths, count):
    ends = list(range(STEPS * CHANNELS - 1, len(paths)))
    for start in range(0, count, BATCH):
        yield np.stack([clip(paths, ends[(start + b) % len(ends)]) for b in range(min(BATCH, count - start))])


def main():
    folder, count, sums_out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    paths = [os.path.join(folder, n) for n in sorted(os.listdir(folder)) if n.lower().endswith(".png")]
    first = next(batches(paths, BATCH))  # warm-up
    with open(sums_out, "w") as out:
        for s in range(STEPS):
            for c in range(CHANNELS):
                out.write("%d\n" % int(np.rint(first[0, s, :, :, c] * 255.0).sum()))
    start = time.perf_counter()
    made = 0
    for batch in batches(paths, count):
        made += batch.shape[0]
    elapsed = time.perf_counter() - start
    print("clips_per_second %.3f" % (made / elapsed))


if __name__ == "__main__":
    main()
