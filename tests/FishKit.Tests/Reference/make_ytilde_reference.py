"""Reference y-tilde values for the kit's tests, computed the original's way (Pillow + numpy).

Run with Debian's Python (it has Pillow and numpy):  /usr/bin/python3 make_ytilde_reference.py
Writes, next to this script:
  ytilde/gray/00000.png ...  8-bit grayscale 320x240 frames (bright fish on black), encoded by Pillow (zlib, adaptive filters)
  ytilde/rgb/00000.png ...   small RGB frames, to pin the colour-to-gray rule (Pillow's convert('L'))
  ytilde/ytilde_reference.json  the values below
y-tilde[t] = sum |X[t+1] - X[t]| / (H*W), X = pixel/255, t = 0..T-2, and y-tilde[T-1] = 0.
  float64:           X as float64 (exact up to rounding; what the kit computes)
  float32:           X as float32, summed by numpy in float32, as the original (Keras img_to_array gives float32)
  nearest_120x160:   float64 y-tilde of the frames resized by Pillow's NEAREST to 160x120 (W x H), as Keras'
                     load_img(target_size=(120, 160)) does for the model input
"""
import json
import os

import numpy as np
from PIL import Image, ImageDraw

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "ytilde")


def draw_gray(t, rng_noise):
    """Frame t: a few bright ellipses ("fish") swimming on black, plus sparse dim noise."""
    im = Image.new("L", (320, 240), 0)
    d = ImageDraw.Draw(im)
    fish = [(40, 60, 7, 3, 180), (200, 150, -5, 2, 230), (120, 200, 4, -6, 255), (280, 40, -9, 5, 140)]
    for x0, y0, vx, vy, level in fish:
        x = (x0 + vx * t * (1 + t % 3)) % 300
        y = (y0 + vy * t) % 220
        d.ellipse([x, y, x + 18, y + 7], fill=level)
        d.ellipse([x + 14, y + 1, x + 22, y + 6], fill=level // 2)
    a = np.array(im)
    ys = rng_noise.integers(0, 240, 60)
    xs = rng_noise.integers(0, 320, 60)
    a[ys, xs] = rng_noise.integers(1, 40, 60).astype(np.uint8)
    return Image.fromarray(a, "L")


def draw_rgb(t):
    im = Image.new("RGB", (64, 48), (0, 0, 0))
    d = ImageDraw.Draw(im)
    d.ellipse([5 + 4 * t * t, 10, 25 + 4 * t * t, 20], fill=(250, 40, 10))
    d.rectangle([40 - 3 * t, 25, 50 - 3 * t, 40], fill=(20, 200, 90))
    d.ellipse([20, 30 - 2 * t, 30, 40 - 2 * t], fill=(30, 60, 240))
    return im


def ytilde(frames, dtype):
    out = []
    for a, b in zip(frames, frames[1:]):
        xa = np.asarray(a, dtype=dtype) / dtype(255)
        xb = np.asarray(b, dtype=dtype) / dtype(255)
        out.append(float(np.sum(np.abs(xb - xa), dtype=dtype) / dtype(xa.size)))
    return out + [0.0]


def load(folder):
    names = sorted(os.listdir(folder))
    return [Image.open(os.path.join(folder, n)).convert("L") for n in names], names


def main():
    rng = np.random.default_rng(20210612)
    for sub, count, draw in (("gray", 8, lambda t: draw_gray(t, rng)), ("rgb", 4, draw_rgb)):
        folder = os.path.join(OUT, sub)
        os.makedirs(folder, exist_ok=True)
        for t in range(count):
            draw(t).save(os.path.join(folder, f"{t:05d}.png"))

    gray, gray_names = load(os.path.join(OUT, "gray"))
    rgb, rgb_names = load(os.path.join(OUT, "rgb"))
    f64 = ytilde(gray, np.float64)
    f32 = ytilde(gray, np.float32)
    nearest = ytilde([im.resize((160, 120), Image.NEAREST) for im in gray], np.float64)
    rel = max(abs(a - b) / a for a, b in zip(f64, f32) if a > 0)
    reference = {
        "generator": "make_ytilde_reference.py (Pillow %s, numpy %s)" % (Image.__version__, np.__version__),
        "gray": {"frames": gray_names, "float64": f64, "float32": f32, "nearest_120x160": nearest,
                 "max_relative_difference_float32": rel},
        "rgb": {"frames": rgb_names, "float64": ytilde(rgb, np.float64),
                "luma_first_frame_sum": int(np.asarray(rgb[0], dtype=np.int64).sum())},
    }
    with open(os.path.join(OUT, "ytilde_reference.json"), "w") as f:
        json.dump(reference, f, indent=1)
    print(json.dumps(reference, indent=1))


if __name__ == "__main__":
    main()
