"""Peer timing for `irw bench simulate`: pymatgen's XRDCalculator on the same structures.

Usage: python3 pymatgen_xrd.py LIBRARY.cif[.gz] ID1,ID2,... [two_theta_min two_theta_max]
Prints one JSON line: structures simulated, blocks pymatgen could not parse, seconds spent in
XRDCalculator.get_pattern (CIF parsing is not timed), and the total number of peaks.
"""
import gzip
import json
import sys
import time
import warnings

from pymatgen.analysis.diffraction.xrd import XRDCalculator
from pymatgen.io.cif import CifParser


def blocks_of(path, wanted):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        text = f.read()
    blocks, name, lines = {}, None, []
    for line in text.splitlines(True):
        if line.startswith("data_"):
            if name in wanted:
                blocks[name] = "".join(lines)
            name, lines = line[5:].strip(), [line]
        elif name is not None:
            lines.append(line)
    if name in wanted:
        blocks[name] = "".join(lines)
    return blocks


def main():
    path, ids = sys.argv[1], sys.argv[2].split(",")
    lo, hi = (float(sys.argv[3]), float(sys.argv[4])) if len(sys.argv) > 4 else (5.0, 80.0)
    blocks = blocks_of(path, set(ids))
    parse = getattr(CifParser, "from_str", None) or CifParser.from_string
    structures, failed = [], []
    warnings.simplefilter("ignore")
    for block_id in ids:
        try:
            structures.append(parse(blocks[block_id]).get_structures(primitive=False)[0])
        except Exception as e:  # noqa: BLE001 - a peer that cannot read a block just skips it
            failed.append(f"{block_id}: {type(e).__name__}")
    calc = XRDCalculator(wavelength="CuKa")
    peaks = 0
    start = time.perf_counter()
    for s in structures:
        peaks += len(calc.get_pattern(s, two_theta_range=(lo, hi)).x)
    seconds = time.perf_counter() - start
    print(json.dumps({"structures": len(structures), "failed": failed, "seconds": seconds, "peaks": peaks}))


if __name__ == "__main__":
    main()
