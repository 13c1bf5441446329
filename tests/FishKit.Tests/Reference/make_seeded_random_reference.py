"""First outputs of xoshiro256** whose state is the first four SplitMix64 outputs from 0.

Written from the generators' published definitions (Vigna), independently of the kit's C#;
the values are pasted into Synthetic/DeterminismTests.cs. Run: /usr/bin/python3 make_seeded_random_reference.py
"""
M = (1 << 64) - 1


def splitmix(x):
    x = (x + 0x9E3779B97F4A7C15) & M
    z = x
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
    return x, z ^ (z >> 31)


def rotl(v, k):
    return ((v << k) | (v >> (64 - k))) & M


x, s = 0, []
for _ in range(4):
    x, v = splitmix(x)
    s.append(v)
assert s[0] == 0xE220A8397B1DCDAF  # SplitMix64's well-known first output from seed 0
out = []
for _ in range(3):
    out.append((rotl((s[1] * 5) & M, 7) * 9) & M)
    t = (s[1] << 17) & M
    s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]; s[2] ^= t; s[3] = rotl(s[3], 45)
print(", ".join("0x%016XUL" % v for v in out))
