#!/usr/bin/env python3
"""PyTorch peer of `irw bench engine`: the same default networks and the same refiner training step.

Defines the workbench's default classifier (SmallCnn1d / SmallCnn2d) and refiner (UNet1d 32 maps x 4
levels / UNet2d 16-32-64) exactly as src/main/java/irw/engine/net/*.java do (SAME padding, max-pool,
nearest upsampling + conv, concatenated skips, residual output with a zero-initialised 1x1 conv),
freezes the classifier and times one step of Algorithm 2 (targeted: cross-entropy + alpha * L1 +
beta * prototype NLL, Adam). Prints lines `PEER key=value` that the Java bench parses.

    python3 src/bench/peer/engine_peer.py [--threads 2] [--steps 10] [--warmup 3]
"""
import argparse
import statistics
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


def conv(i, o, kh, kw):
    return nn.Conv2d(i, o, (kh, kw), padding=(kh // 2, kw // 2))


def pool_same(x, kh, kw):
    # SAME padding as in SameDiff: pad the right/bottom so that ceil(n / k) windows fit
    ph = (-x.shape[2]) % kh
    pw = (-x.shape[3]) % kw
    if ph or pw:
        x = F.pad(x, (0, pw, 0, ph), value=float("-inf"))
    return F.max_pool2d(x, (kh, kw))


class SmallCnn1d(nn.Module):
    def __init__(self, width=2000, classes=7):
        super().__init__()
        self.c1, self.c2, self.c3 = conv(1, 8, 1, 5), conv(8, 16, 1, 5), conv(16, 32, 1, 5)
        w = -(-(-(-(-(-width // 4)) // 4)) // 5)
        self.embed, self.predict = nn.Linear(32 * w, 16), nn.Linear(16, classes)

    def forward(self, x):
        x = pool_same(F.relu(self.c1(x)), 1, 4)
        x = pool_same(F.relu(self.c2(x)), 1, 4)
        x = pool_same(F.relu(self.c3(x)), 1, 5)
        e = F.relu(self.embed(x.flatten(1)))
        return e, self.predict(e)


class SmallCnn2d(nn.Module):
    def __init__(self, classes=10):
        super().__init__()
        self.c1, self.c2 = conv(1, 16, 3, 3), conv(16, 32, 3, 3)
        self.embed, self.predict = nn.Linear(32 * 7 * 7, 32), nn.Linear(32, classes)

    def forward(self, x):
        x = pool_same(F.relu(self.c1(x)), 2, 2)
        x = pool_same(F.relu(self.c2(x)), 2, 2)
        e = F.relu(self.embed(x.flatten(1)))
        return e, self.predict(e)


class UNet1d(nn.Module):
    def __init__(self, maps=32, levels=4):
        super().__init__()
        self.levels = levels
        self.down = nn.ModuleList([conv(1, maps, 1, 3)] + [conv(maps, maps, 1, 3) for _ in range(levels)])
        self.up = nn.ModuleList([conv(2 * maps, maps, 1, 3) for _ in range(levels)])
        self.out = nn.Conv2d(maps, 1, 1)
        nn.init.zeros_(self.out.weight)
        nn.init.zeros_(self.out.bias)

    def forward(self, x):
        h = F.relu(self.down[0](x))
        skips = []
        for l in range(self.levels):
            skips.append(h)
            h = F.relu(self.down[l + 1](F.max_pool2d(h, (1, 2))))
        for l in reversed(range(self.levels)):
            h = F.interpolate(h, scale_factor=(1, 2), mode="nearest")
            h = F.relu(self.up[l](torch.cat([h, skips[l]], 1)))
        return x + self.out(h)


class UNet2d(nn.Module):
    def __init__(self):
        super().__init__()
        self.d0a, self.d0b, self.d1, self.d2 = conv(1, 16, 3, 3), conv(16, 16, 3, 3), conv(16, 32, 3, 3), conv(32, 64, 3, 3)
        self.u1, self.u0 = conv(96, 32, 3, 3), conv(48, 16, 3, 3)
        self.out = nn.Conv2d(16, 1, 1)
        nn.init.zeros_(self.out.weight)
        nn.init.zeros_(self.out.bias)

    def forward(self, x):
        e0 = F.relu(self.d0b(F.relu(self.d0a(x))))
        e1 = F.relu(self.d1(F.max_pool2d(e0, 2)))
        b = F.relu(self.d2(F.max_pool2d(e1, 2)))
        d1 = F.relu(self.u1(torch.cat([F.interpolate(b, scale_factor=2, mode="nearest"), e1], 1)))
        d0 = F.relu(self.u0(torch.cat([F.interpolate(d1, scale_factor=2, mode="nearest"), e0], 1)))
        return x + self.out(d0)


def time_refiner_step(classifier, refiner, shape, classes, warmup, steps, alpha=0.01, beta=1.0):
    for p in classifier.parameters():
        p.requires_grad_(False)
    prototypes = torch.randn(classes, classifier.predict.in_features)
    opt = torch.optim.Adam(refiner.parameters(), lr=1e-4)
    x = torch.rand(shape)
    y = torch.arange(shape[0]) % classes
    times = []
    for i in range(warmup + steps):
        t0 = time.perf_counter()
        r = refiner(x)
        e, logits = classifier(r)
        l_pred = F.cross_entropy(logits, y)
        d = (e.unsqueeze(1) - prototypes.unsqueeze(0)).pow(2).sum(-1)
        l_proto = F.cross_entropy(-d, y)
        l_reg = (r - x).abs().flatten(1).sum(1).mean()
        loss = l_pred + alpha * l_reg + beta * l_proto
        opt.zero_grad()
        loss.backward()
        opt.step()
        if i >= warmup:
            times.append(time.perf_counter() - t0)
    return statistics.median(times), statistics.mean(times)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--steps", type=int, default=10)
    ap.add_argument("--warmup", type=int, default=3)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(2019)
    print(f"PEER torch={torch.__version__} threads={a.threads}")
    med, mean = time_refiner_step(SmallCnn1d(), UNet1d(), (32, 1, 1, 2000), 7, a.warmup, a.steps)
    print(f"PEER refiner_step_1d_median_s={med:.4f} refiner_step_1d_mean_s={mean:.4f}")
    med, mean = time_refiner_step(SmallCnn2d(), UNet2d(), (64, 1, 28, 28), 10, a.warmup, a.steps)
    print(f"PEER refiner_step_2d_median_s={med:.4f} refiner_step_2d_mean_s={mean:.4f}")
    c = SmallCnn1d().eval()
    x = torch.rand(4096, 1, 1, 2000)
    with torch.no_grad():
        c(x[:64])
        t0 = time.perf_counter()
        for i in range(0, 4096, 256):
            c(x[i:i + 256])
        print(f"PEER classifier_1d_items_per_s={4096 / (time.perf_counter() - t0):.1f}")


if __name__ == "__main__":
    main()
