#!/usr/bin/python3
"""Pages of a PDF as a reader without full colour vision sees them.

    tools/cvd.py review_2026Q3.pdf OUTDIR [first [last]] [--dpi 70]

writes, for each page, OUTDIR/page-N-colour.png, -grey.png (greyscale print)
and -deutan.png, -protan.png, -tritan.png (the three common colour-vision
deficiencies, simulated with the matrices of Machado, Oliveira and Fernandes
2009 at full severity, applied in linear RGB). Look at them: every status must
still be told apart by its mark and word (◎ ○ △ × ？ － ▷ ● ／), not by colour alone.

Needs only poppler's pdftoppm and the standard library (no PIL).
"""
import os
import struct
import subprocess
import sys
import tempfile
import zlib

MATRICES = {
    "deutan": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413),
               (-0.011820, 0.042940, 0.968881)),
    "protan": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216),
               (-0.003882, -0.048116, 1.051998)),
    "tritan": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602),
               (0.004733, 0.691367, 0.303900)),
}


def read_ppm(path):
    data = open(path, "rb").read()
    fields, pos = [], 0
    while len(fields) < 4:
        while data[pos:pos + 1].isspace():
            pos += 1
        if data[pos:pos + 1] == b"#":
            pos = data.index(b"\n", pos) + 1
            continue
        end = pos
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[pos:end])
        pos = end
    assert fields[0] == b"P6" and fields[3] == b"255", fields
    return int(fields[1]), int(fields[2]), data[pos + 1:]


def write_png(path, w, h, rgb):
    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    rows = b"".join(b"\0" + rgb[y * w * 3:(y + 1) * w * 3] for y in range(h))
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(rows, 6)) + chunk(b"IEND", b"")
    open(path, "wb").write(png)


TO_LIN = [((c / 255) / 12.92 if c / 255 <= 0.04045 else ((c / 255 + 0.055) / 1.055) ** 2.4) for c in range(256)]


def to_srgb(v):
    v = min(max(v, 0.0), 1.0)
    v = v * 12.92 if v <= 0.0031308 else 1.055 * v ** (1 / 2.4) - 0.055
    return int(round(v * 255))


def simulate(rgb, m):
    cache, out = {}, bytearray(len(rgb))
    for i in range(0, len(rgb), 3):
        key = rgb[i:i + 3]
        px = cache.get(key)
        if px is None:
            r, g, b = TO_LIN[key[0]], TO_LIN[key[1]], TO_LIN[key[2]]
            px = bytes(to_srgb(m[k][0] * r + m[k][1] * g + m[k][2] * b) for k in range(3))
            cache[key] = px
        out[i:i + 3] = px
    return bytes(out)


def grey(rgb):
    out = bytearray(len(rgb))
    for i in range(0, len(rgb), 3):
        y = int(round(0.2126 * rgb[i] + 0.7152 * rgb[i + 1] + 0.0722 * rgb[i + 2]))
        out[i:i + 3] = bytes((y, y, y))
    return bytes(out)


def main(argv):
    dpi = 70
    if "--dpi" in argv:
        i = argv.index("--dpi")
        dpi = int(argv[i + 1])
        del argv[i:i + 2]
    if len(argv) < 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    pdf, outdir = argv[1], argv[2]
    first = argv[3] if len(argv) > 3 else "1"
    last = argv[4] if len(argv) > 4 else first
    os.makedirs(outdir, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-r", str(dpi), "-f", first, "-l", last, pdf, os.path.join(tmp, "p")],
                       check=True)
        for name in sorted(os.listdir(tmp)):
            page = name.split("-")[-1].split(".")[0].lstrip("0") or "0"
            w, h, rgb = read_ppm(os.path.join(tmp, name))
            base = os.path.join(outdir, f"page-{page}")
            write_png(base + "-colour.png", w, h, rgb)
            write_png(base + "-grey.png", w, h, grey(rgb))
            for kind, m in MATRICES.items():
                write_png(f"{base}-{kind}.png", w, h, simulate(rgb, m))
            print(base)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
