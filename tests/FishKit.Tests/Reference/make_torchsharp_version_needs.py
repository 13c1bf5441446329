#!/usr/bin/python3
"""Records the version needs of TorchSharp 0.107.0's libLibTorchSharp.so as binutils' readelf sees them.

Independent reference for tests/FishKit.Tests/Torch/WeakVersionPatchTests.cs: one line per Vernaux entry,
"file version flags index flags_offset", where flags_offset is the absolute file offset of vna_flags
(section offset + entry offset + 4, per Elf64_Vernaux). Run from the repository root:
    /usr/bin/python3 tests/FishKit.Tests/Reference/make_torchsharp_version_needs.py
Needs binutils (apt-get install -y binutils) and the restored TorchSharp-cpu 0.107.0 package.
"""
import hashlib, os, re, subprocess

lib = os.path.expanduser("~/.nuget/packages/torchsharp/0.107.0/runtimes/linux-x64/native/libLibTorchSharp.so")
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "torchsharp-0.107.0-version-needs.txt")
text = subprocess.run(["readelf", "-V", "-W", lib], check=True, capture_output=True, text=True).stdout
section = text[text.index("'.gnu.version_r'"):]
base = int(re.search(r"Offset: (0x[0-9a-f]+)", section).group(1), 16)
syms = subprocess.run(["readelf", "--dyn-syms", "-W", lib], check=True, capture_output=True, text=True).stdout
symbol_version = {int(m.group(1)): int(m.group(2)) for m in re.finditer(r"^\s*(\d+): .*@\S+ \((\d+)\)$", syms, re.M)}
relocs = subprocess.run(["readelf", "-r", "-W", lib], check=True, capture_output=True, text=True).stdout
used = {symbol_version.get(int(m.group(1), 16) >> 32) for m in re.finditer(r"^[0-9a-f]{16}\s+([0-9a-f]{16})\s", relocs, re.M)}
lines = [f"# readelf -V/-r/--dyn-syms -W libLibTorchSharp.so (TorchSharp 0.107.0); sha256 below; file version flags index flags_offset used",
         hashlib.sha256(open(lib, "rb").read()).hexdigest()]
file = None
for line in section.splitlines()[2:]:
    if m := re.match(r"\s*(\S+): Version: \d+\s+File: (\S+)\s+Cnt: \d+", line):
        file = m.group(2)
    elif m := re.match(r"\s*(0x[0-9a-f]+):\s+Name: (\S+)\s+Flags: (\S+)\s+Version: (\d+)", line):
        flags = {"none": 0, "WEAK": 2}[m.group(3)]
        lines.append(f"{file} {m.group(2)} {flags} {m.group(4)} {base + int(m.group(1), 16) + 4} {int(int(m.group(4)) in used)}")
open(out, "w").write("\n".join(lines) + "\n")
print(f"wrote {len(lines) - 2} entries to {out}")
