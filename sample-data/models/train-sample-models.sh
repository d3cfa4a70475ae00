#!/usr/bin/env bash
# Rebuilds the shipped sample models with fixed seeds (about 30-60 min on 2 busy cores).
# Run from the repository root after `mvn -q -DskipTests package`.
# Usage: train-sample-models.sh [digits|xrd|all]   (default all)
set -euo pipefail
what="${1:-all}"
cd "$(dirname "$0")/../.."
irw() { installer/irw.sh "$@"; }
out=sample-data/models
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if [ "$what" = all ] || [ "$what" = digits ]; then
# Digits (issue 12). The classifier learns typeset ("ideal") digits only: 2,500 per font x 21 bundled fonts, varied like
# handwriting (rotation, slant, width, pen width; no elastic bends: they cost accuracy, experiments.md), framed like MNIST.
# The refiners learn the MNIST training digits 0:500 of every class; 500:600 are held out for calibration and the alpha sweep.
# Measured 3 Dec 2026 on 2 cores shared with 5 other jobs (load 10-23), run with nice -n 10:
#   render 172 s; classifier 1,000 steps of 100 digits 48 min wall (stopped at the step-1,000 checkpoint of a 2,000-step run
#   and finished with --steps-per-epoch 1000, which resumes from it: same result as this command); calibrate ~1 min;
#   targeted refiner 202 s. The last 30 min ran at nice 0: a process of another job at nice -10 starved nice-10 work.
#   The non-targeted refiner below was not trained for the shipped set yet (no digits-refiner-non-targeted.irwm).
MNIST=sample-data/mnist
nice -n 10 installer/irw.sh typeset-digits --out "$tmp/typeset" --per-font 2500 --without elastic --seed 1
nice -n 10 installer/irw.sh train classifier --images "$tmp/typeset/typeset-images-idx3-ubyte.gz" --labels "$tmp/typeset/typeset-labels-idx1-ubyte.gz" \
    --spec vgg2d --lambda 1 --epochs 1 --steps-per-epoch 1000 --samples-per-class 10 --lr 0.001 --seed 2019 --out "$out/digits-classifier.irwm"
nice -n 10 installer/irw.sh calibrate --model "$out/digits-classifier.irwm" \
    --images $MNIST/train-images-idx3-ubyte.gz --labels $MNIST/train-labels-idx1-ubyte.gz --per-class 500:600 \
    --held-out "MNIST training digits 500:600 of every class (1,000; never used for training)"
nice -n 10 installer/irw.sh train refiner --model "$out/digits-classifier.irwm" \
    --images $MNIST/train-images-idx3-ubyte.gz --labels $MNIST/train-labels-idx1-ubyte.gz --per-class 0:500 \
    --alpha 0.01 --beta 1 --epochs 1 --steps-per-epoch 120 --batch 32 --lr 0.001 --seed 2019 --out "$out/digits-refiner.irwm"
nice -n 10 installer/irw.sh train refiner --model "$out/digits-classifier.irwm" --non-targeted \
    --images $MNIST/train-images-idx3-ubyte.gz --labels $MNIST/train-labels-idx1-ubyte.gz --per-class 0:500 \
    --alpha 0.001 --beta 0.1 --epochs 1 --steps-per-epoch 150 --batch 32 --lr 0.001 --seed 2019 --out "$out/digits-refiner-non-targeted.irwm"
fi

if [ "$what" = all ] || [ "$what" = xrd ]; then
# XRD: the classifier learns ideal patterns of the whole structure library's TRAIN split (built here, ~30 s:
# 7,132 structures x 3 = 21,396 patterns, two variants each with peak widths x0.8-3, strain and texture jitter).
# The same seed shuffles the library the same way as datasets/xrd (built with --limit 1200 --test-fraction 0.2),
# so its 240 held-out structures lie inside this build's 891 TEST structures: none of them is trained on.
irw dataset xrd --structures sample-data/structure-library/amcsd.cif.gz --out "$tmp/xrd-full" --seed 2019 --variants 2 \
    --test-fraction 0.1 --validation-fraction 0.1
irw train classifier --data "$tmp/xrd-full" --lambda 1 --epochs 1 --steps-per-epoch 2000 --samples-per-class 16 --lr 0.002 --seed 2019 \
    --out "$out/xrd-classifier.irwm"
# The refiner trains on the even-numbered imperfect patterns of that build (446; the first 240 are byte-identical to
# datasets/xrd's, so the odd ones that evaluate scores are never trained on).
irw train refiner --model "$out/xrd-classifier.irwm" --data "$tmp/xrd-full" \
    --alpha 0.03 --beta 1 --epochs 1 --steps-per-epoch 200 --batch 16 --lr 0.001 --seed 2019 --out "$out/xrd-refiner.irwm"
fi

# Figures of the shipped models on held-out data
[ "$what" = xrd ] || for r in digits-refiner; do irw evaluate --model "$out/digits-classifier.irwm" --refiner "$out/$r.irwm" \
    --images sample-data/mnist/test-images-idx3-ubyte.gz --labels sample-data/mnist/test-labels-idx1-ubyte.gz; done
[ "$what" = digits ] || irw evaluate --model "$out/xrd-classifier.irwm" --refiner "$out/xrd-refiner.irwm" --data sample-data/datasets/xrd --part test
