#!/usr/bin/env bash
# Rebuilds the shipped sample models with fixed seeds (about 30-60 min on 2 busy cores).
# Run from the repository root after `mvn -q -DskipTests package`.
set -euo pipefail
cd "$(dirname "$0")/../.."
irw() { installer/irw.sh "$@"; }
out=sample-data/models
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Digits: the classifier learns the typeset ("ideal") digits, the refiner the real MNIST subset.
irw typeset-digits --out "$tmp/typeset" --per-font 1000 --seed 1
irw train classifier --images "$tmp/typeset/typeset-images-idx3-ubyte.gz" --labels "$tmp/typeset/typeset-labels-idx1-ubyte.gz" \
    --lambda 1 --epochs 4 --samples-per-class 8 --lr 0.002 --seed 2019 --out "$out/digits-classifier.irwm"
irw train refiner --model "$out/digits-classifier.irwm" \
    --images sample-data/mnist/train-images-idx3-ubyte.gz --labels sample-data/mnist/train-labels-idx1-ubyte.gz \
    --alpha 0.01 --beta 1 --epochs 1 --steps-per-epoch 150 --batch 32 --lr 0.001 --seed 2019 --out "$out/digits-refiner.irwm"

# XRD: the classifier learns the ideal simulated patterns (TRAIN split), the refiner half of the imperfect patterns
# (held-out structures); evaluate scores the other half.
irw train classifier --data sample-data/datasets/xrd --lambda 1 --epochs 20 --samples-per-class 8 --lr 0.002 --seed 2019 \
    --out "$out/xrd-classifier.irwm"
irw train refiner --model "$out/xrd-classifier.irwm" --data sample-data/datasets/xrd \
    --alpha 1 --beta 1 --epochs 10 --batch 32 --lr 0.0005 --seed 2019 --out "$out/xrd-refiner.irwm"

# Figures of the shipped models on held-out data
irw evaluate --model "$out/digits-classifier.irwm" --refiner "$out/digits-refiner.irwm" \
    --images sample-data/mnist/test-images-idx3-ubyte.gz --labels sample-data/mnist/test-labels-idx1-ubyte.gz
irw evaluate --model "$out/xrd-classifier.irwm" --refiner "$out/xrd-refiner.irwm" --data sample-data/datasets/xrd --part test
