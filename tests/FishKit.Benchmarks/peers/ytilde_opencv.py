"""y-tilde with OpenCV: cv2.imread grayscale, cv2.absdiff, integer sum / (255 * pixels), one frame at a time.

usage: ytilde_opencv.py <frames-dir> <repeats> <values-out.txt>
Prints 'frames_per_second <median over repeats after one warm-up>' and writes the y-tilde values, one per line.
"""
import os
import sys
import time

import cv2
import numpy as np


def ytilde(paths):
    out = np.zeros(len(paths))
    previous = None
    for i, path in enumerate(paths):
        x = cv2.imread(path, cv2.IMREAD_GRAYSCALE)
        if previous is not None:
            out[i - 1] = cv2.sumElems(cv2.absdiff(x, previous))[0] / (255.0 * x.size)
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
    print("frames_per_second", len(paths) / float(np.median(times)), "threads", cv2.getNumThreads())


if __name__ == "__main__":
    main()
