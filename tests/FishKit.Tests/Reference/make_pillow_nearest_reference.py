#!/usr/bin/python3
"""Which source row and column Pillow's NEAREST resize reads for each output pixel, for FishKit's Frames tests.

Keras' load_img(path, color_mode='grayscale', target_size=(120, 160)), which made the write-up's model input, opens
the PNG with Pillow, keeps it in mode 'L' and calls img.resize((160, 120), Image.NEAREST). This script asks Debian's
Pillow (9.4) which source indices that resize reads, for the write-up's 320x240 -> 160x120 and for odd, enlarging
and identical sizes: it resizes 32-bit images whose pixels hold their own column (then row) number, and checks on a
random 8-bit 'L' image that indexing it with those maps gives exactly what resize gives for 'L'.

Writes pillow/nearest_reference.json beside this script: one case per (source, target) size with the column and row maps.
Run: /usr/bin/python3 tests/FishKit.Tests/Reference/make_pillow_nearest_reference.py
"""
import json
import os

import numpy as np
import PIL
from PIL import Image

SIZES = [  # (source width, height) -> (target width, height)
    ((320, 240), (160, 120)),
    ((333, 247), (160, 120)),
    ((321, 241), (160, 120)),
    ((479, 359), (160, 120)),
    ((640, 480), (160, 120)),
    ((97, 61), (160, 120)),
    ((160, 120), (160, 120)),
    ((7, 5), (3, 2)),
    ((2, 1), (7, 1)),
    ((1, 1), (3, 3)),
    ((5, 3), (1, 1)),
]


def index_map(size, target, axis):
    """The source index read for each target index along axis 0 (columns) or 1 (rows)."""
    w, h = size
    coordinate = np.indices((h, w))[1 - axis].astype(np.int32)
    resized = np.asarray(Image.fromarray(coordinate, mode="I").resize(target, Image.NEAREST))
    return resized[0, :] if axis == 0 else resized[:, 0]


def main():
    rng = np.random.default_rng(1)
    cases = []
    for size, target in SIZES:
        columns, rows = index_map(size, target, 0), index_map(size, target, 1)
        gray = rng.integers(0, 256, size=(size[1], size[0]), dtype=np.uint8)
        resized = np.asarray(Image.fromarray(gray, mode="L").resize(target, Image.NEAREST))
        assert (resized == gray[np.ix_(rows, columns)]).all(), f"{size} -> {target}: 'L' does not read the 'I' maps"
        cases.append({"source": list(size), "target": list(target), "columns": columns.tolist(), "rows": rows.tolist()})
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pillow")
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "nearest_reference.json"), "w") as f:
        json.dump({"pillow": PIL.__version__, "cases": cases}, f)
        f.write("\n")


if __name__ == "__main__":
    main()
