#!/usr/bin/python3
"""Writes the lab's reference structures (sample-data/reference-structures, P 1 files written by pymatgen) with their
real space group, so that they can join classifier training (`train classifier --user-cifs sample-data/lab-cifs`):
the workbench refuses P 1 CIFs for training because a crystal-system label cannot be read from them.

Peer tool, not a product dependency: Debian's python3-pymatgen (spglib underneath). The file name's suffix is the
space-group number the source states; a structure whose found group differs from it is reported and not written."""
import pathlib, sys
from pymatgen.core import Structure
from pymatgen.symmetry.analyzer import SpacegroupAnalyzer
from pymatgen.io.cif import CifWriter

root = pathlib.Path(__file__).resolve().parent
src = root.parent / "reference-structures"
written, refused = 0, 0
for cif in sorted(src.glob("*.cif")):
    stated = int(cif.stem.rsplit("_", 1)[1])
    s = Structure.from_file(str(cif))
    sga = SpacegroupAnalyzer(s, symprec=0.01)
    found = sga.get_space_group_number()
    if found != stated:
        print(f"{cif.name}: found space group {found}, the name states {stated}; not written", file=sys.stderr)
        refused += 1
        continue
    refined = sga.get_refined_structure()
    CifWriter(refined, symprec=0.01).write_file(str(root / cif.name))
    written += 1
print(f"{written} written with their space group, {refused} not written")
