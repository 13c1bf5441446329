#!/usr/bin/python3
"""Reference .npy files for FishKit.IO, written once by numpy (Debian's /usr/bin/python3, numpy 1.24).

Writes npy/*.npy and npy/expected.json beside this script:
  good files: every dtype a series may have (float32/float64/int8/16/32/64/uint8/bool), shapes (N,) and (N, 1),
    an empty series, and a version 2.0 file, with the values the kit must read (as float64) in expected.json;
  written_by_numpy_*.npy: float64 and bool series that the kit's writer must reproduce byte for byte;
  bad files: big-endian, 2-D (N, 2), a scalar, complex and uint16 dtypes, a structured dtype, a truncated file and
    a file without the magic bytes, each with the words the kit's error message must contain.

Run: /usr/bin/python3 tests/FishKit.Tests/Reference/make_npy_reference.py
"""
import json
import os

import numpy as np

here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "npy")
os.makedirs(here, exist_ok=True)


def path(name):
    return os.path.join(here, name)


def main():
    values = np.array([0.0, 1.0, -2.0, 3.0, 1.0, 0.0, 100.0])
    good = {}
    for dtype in ["<f8", "<f4", "|i1", "<i2", "<i4", "<i8", "|u1"]:
        a = np.abs(values).astype(dtype) if dtype == "|u1" else values.astype(dtype)
        name = f"good_{dtype[1:]}.npy"
        np.save(path(name), a)
        good[name] = a.astype(np.float64).tolist()
    fractions = np.array([0.1, -1e-300, 1.7976931348623157e308, 5e-324, 2.0 / 3.0, -0.0])
    np.save(path("good_f8_fractions.npy"), fractions)
    good["good_f8_fractions.npy"] = fractions.tolist()
    f4 = np.array([0.1, 1.5, -3.25e-5], dtype=np.float32)
    np.save(path("good_f4_fractions.npy"), f4)
    good["good_f4_fractions.npy"] = f4.astype(np.float64).tolist()
    labels = np.array([True, False, False, True, True])
    np.save(path("good_b1.npy"), labels)
    good["good_b1.npy"] = labels.astype(np.float64).tolist()
    np.save(path("good_f8_column.npy"), values.reshape(-1, 1))
    good["good_f8_column.npy"] = values.tolist()
    np.save(path("good_i8_column.npy"), values.astype("<i8").reshape(-1, 1))
    good["good_i8_column.npy"] = values.tolist()
    np.save(path("good_empty.npy"), np.zeros(0))
    good["good_empty.npy"] = []
    with open(path("good_f8_v2.npy"), "wb") as f:
        np.lib.format.write_array(f, values, version=(2, 0))
    good["good_f8_v2.npy"] = values.tolist()

    written = {}
    series = np.array([0.0012, 0.0045, -0.0, 1e-17, 123456.789, 0.1 + 0.2, 5e-324, float(np.float32(0.1))])
    np.save(path("written_by_numpy_f8.npy"), series)
    written["written_by_numpy_f8.npy"] = {"dtype": "float64", "values": series.tolist()}
    long_series = np.linspace(0, 1, 12345)
    np.save(path("written_by_numpy_f8_long.npy"), long_series)
    written["written_by_numpy_f8_long.npy"] = {"dtype": "float64", "linspace": [0, 1, 12345]}
    np.save(path("written_by_numpy_b1.npy"), labels)
    written["written_by_numpy_b1.npy"] = {"dtype": "bool", "values": labels.astype(int).tolist()}
    np.save(path("written_by_numpy_empty.npy"), np.zeros(0))
    written["written_by_numpy_empty.npy"] = {"dtype": "float64", "values": []}

    bad = {}
    np.save(path("bad_big_endian.npy"), values.astype(">f8"))
    bad["bad_big_endian.npy"] = ["big-endian", ">f8"]
    np.save(path("bad_2d.npy"), np.zeros((4, 2)))
    bad["bad_2d.npy"] = ["shape (4, 2)", "(N,) or (N, 1)"]
    np.save(path("bad_scalar.npy"), np.float64(1.5))
    bad["bad_scalar.npy"] = ["shape ()"]
    np.save(path("bad_row.npy"), np.zeros((1, 4)))
    bad["bad_row.npy"] = ["shape (1, 4)"]
    np.save(path("bad_complex.npy"), np.zeros(3, dtype=np.complex128))
    bad["bad_complex.npy"] = ["dtype '<c16'"]
    np.save(path("bad_uint16.npy"), np.zeros(3, dtype=np.uint16))
    bad["bad_uint16.npy"] = ["dtype '<u2'"]
    np.save(path("bad_structured.npy"), np.zeros(3, dtype=[("a", "<f8"), ("b", "<i4")]))
    bad["bad_structured.npy"] = ["structured"]
    with open(path("good_f8.npy"), "rb") as f:
        whole = f.read()
    with open(path("bad_truncated.npy"), "wb") as f:
        f.write(whole[:-3])
    bad["bad_truncated.npy"] = ["truncated", "7 float64 values (56 bytes)", "53 bytes"]
    with open(path("bad_magic.npy"), "w") as f:
        f.write("frame,value\n0,1.0\n")
    bad["bad_magic.npy"] = ["not a .npy file"]

    with open(path("expected.json"), "w") as f:
        json.dump({"numpy": np.__version__, "good": good, "written": written, "bad": bad}, f, indent=1)
        f.write("\n")
    print("wrote", here)


if __name__ == "__main__":
    main()
