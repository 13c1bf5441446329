"""y-tilde the original's way: Pillow decodes each frame (Keras' load_img), numpy float32 pixel/255 (img_to_array), one frame at a time.

usage: ytilde_pillow.py <frames-dir> <repeats> <values-out.txt>
Prints 'frames_per_second <median over repeats after one warm-up>' and writes the y-tilde values, one per line.
"""
import os
import sys
import time

import numpy as np
from PIL import Image


def ytilde(paths):
    out = np.zeros(len(paths))
    previous = None
    for i, path in enumerate(paths):
        img = Image.open(path)
        if img.mode not in ("L", "I;16", "I"):
            img = img.convert("L")
        x = np.asarray(img, dtype=np.float32) / 255.0
        if previous is not None:
            out[i - 1] = np.sum(np.abs(x - previous)) / x.size
        previous = x
    return out


def main():
    folder, repeats, values_out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    paths = [os.path.join(folder, n) for n in sorted(os.listdir(folder)) if n.lower().endswith(".png")]
    values = ytilde(paths)
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        ytilde(paths)
        times.append(time.perf_counter() - start)
    np.savetxt(values_out, values, fmt="%.17g")
    print("frames_per_second", len(paths) / float(np.median(times)))


if __name__ == "__main__":
    main()
