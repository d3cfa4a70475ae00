#!/usr/bin/env python3
"""PyTorch peer of `irw bench engine`: the same default networks and the same refiner training step.

Defines the workbench's default classifier (SmallCnn1d / SmallCnn2d) and refiner (UNet1d 32 maps x 4
levels / UNet2d 16-32-64) exactly as src/main/java/irw/engine/net/*.java do (SAME padding, max-pool,
nearest upsampling + conv, concatenated skips, residual output with a zero-initialised 1x1 conv),
freezes the classifier and times one step of Algorithm 2 (targeted: cross-entropy + alpha * L1 +
beta * prototype NLL, Adam). Prints lines `PEER key=value` that the Java bench parses.

    python3 src/bench/peer/engine_peer.py [--threads 2] [--steps 10] [--warmup 3]
    python3 src/bench/peer/engine_peer.py --serve    # requests on stdin, one per line (see serve()); what bench engine uses

The classifier specs of the workbench (ModelSpec: small 1-D/2-D, resnet1d, vgg19, densenet121, vgg2d) are defined here
layer for layer as in src/main/java/irw/engine/net/*.java, and timed on Algorithm 1's step (L_C + lambda L_F, Adam).
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


def pool_same_strided(x, kw, sw, avg=False):
    """Width pooling with SAME padding and a stride, as SameDiff's PaddingMode.SAME: ceil(w / s) outputs,
    the padding split left = total // 2 (max-pool pads with -inf, avg-pool averages the real cells only)."""
    w = x.shape[3]
    out = -(-w // sw)
    total = max((out - 1) * sw + kw - w, 0)
    left = total // 2
    if avg:
        return F.avg_pool2d(F.pad(x, (left, total - left)), (1, kw), (1, sw), count_include_pad=False) if total else \
            F.avg_pool2d(x, (1, kw), (1, sw))
    return F.max_pool2d(F.pad(x, (left, total - left), value=float("-inf")), (1, kw), (1, sw))


def conv_s(i, o, kw, stride):
    return nn.Conv2d(i, o, (1, kw), stride=(1, stride), padding=(0, kw // 2))


class ResNet1d(nn.Module):
    """ResNet1d.java: (relu(x), measured) channels, strided 1x7 stem + BN, 4 stages of 2 basic blocks (1x5), avg+max pool."""

    def __init__(self, classes=7, width=16):
        super().__init__()
        self.stem, self.stem_bn = conv_s(2, width, 7, 2), nn.BatchNorm2d(width, eps=1e-5)
        blocks, c = [], width
        for s in range(4):
            o = width << s
            blocks += [self.Block(c, o, 2), self.Block(o, o, 1)]
            c = o
        self.blocks = nn.Sequential(*blocks)
        self.embed, self.predict = nn.Linear(2 * c, 128), nn.Linear(128, classes)

    class Block(nn.Module):
        def __init__(self, i, o, stride):
            super().__init__()
            self.c1, self.bn1 = conv_s(i, o, 5, stride), nn.BatchNorm2d(o)
            self.c2, self.bn2 = conv_s(o, o, 5, 1), nn.BatchNorm2d(o)
            self.sc = None if i == o and stride == 1 else conv_s(i, o, 1, stride)

        def forward(self, x):
            h = self.bn2(self.c2(F.relu(self.bn1(self.c1(x)))))
            return F.relu((x if self.sc is None else self.sc(x)) + h)

    def forward(self, x):
        x = torch.cat([F.relu(x), (x >= 0).float()], 1)
        x = self.blocks(F.relu(self.stem_bn(self.stem(x))))
        e = self.embed(torch.cat([x.mean((2, 3)), x.amax((2, 3))], 1))
        return e, self.predict(e)


class Vgg19Network1d(nn.Module):
    """Vgg19Network1d.java: 16 1x3 convs in blocks 64-128-256(4)-512(4)-512(4), 1x10 max-pools of stride 2, fc 1024, 1024."""

    def __init__(self, width=2000, classes=7):
        super().__init__()
        layers, c, w = [], 1, width
        for maps, n in [(64, 2), (128, 2), (256, 4), (512, 4), (512, 4)]:
            for _ in range(n):
                layers.append(conv(c, maps, 1, 3))
                c = maps
            layers.append(None)
            w = -(-w // 2)
        self.convs = nn.ModuleList([l for l in layers if l is not None])
        self.plan = [l is None for l in layers]
        self.fc1, self.embed, self.predict = nn.Linear(c * w, 1024), nn.Linear(1024, 1024), nn.Linear(1024, classes)

    def forward(self, x):
        it = iter(self.convs)
        for pool in self.plan:
            x = pool_same_strided(x, 10, 2) if pool else F.relu(next(it)(x))
        e = F.relu(self.embed(F.relu(self.fc1(x.flatten(1)))))
        return e, self.predict(e)


class DenseNet121Network1d(nn.Module):
    """DenseNet121Network1d.java: 1x7/2 stem, blocks 6-12-24-16 (growth 32, 1x1 bottleneck 128, 1x5), per-sample
    norm (Layers.norm = GroupNorm with one group), transitions halving maps and width, global average pool."""

    def __init__(self, classes=7):
        super().__init__()
        self.stem, self.stem_norm = conv_s(1, 64, 7, 2), nn.GroupNorm(1, 64)
        c, self.stages = 64, nn.ModuleList()
        for b, n in enumerate([6, 12, 24, 16]):
            layers = nn.ModuleList()
            for _ in range(n):
                layers.append(nn.ModuleList([nn.GroupNorm(1, c), nn.Conv2d(c, 128, 1), nn.GroupNorm(1, 128), conv(128, 32, 1, 5)]))
                c += 32
            trans = None
            if b < 3:
                trans = nn.ModuleList([nn.GroupNorm(1, c), nn.Conv2d(c, c // 2, 1)])
                c //= 2
            self.stages.append(nn.ModuleList([layers, trans]) if trans is not None else nn.ModuleList([layers]))
        self.final_norm, self.predict = nn.GroupNorm(1, c), nn.Linear(c, classes)

    def forward(self, x):
        x = pool_same_strided(F.relu(self.stem_norm(self.stem(x))), 3, 2)
        for stage in self.stages:
            for n1, c1, n2, c2 in stage[0]:
                x = torch.cat([x, c2(F.relu(n2(c1(F.relu(n1(x))))))], 1)
            if len(stage) > 1:
                n, c = stage[1]
                x = pool_same_strided(c(F.relu(n(x))), 2, 2, avg=True)
        e = F.relu(self.final_norm(x)).mean((2, 3))
        return e, self.predict(e)


class Vgg2d(nn.Module):
    """Vgg2d.java: 3x3 convs 32, 32 | 64, 64 | 128, each stage closed by a 2x2 max-pool; tanh embedding 128."""

    def __init__(self, classes=10):
        super().__init__()
        self.c1a, self.c1b, self.c2a, self.c2b, self.c3 = conv(1, 32, 3, 3), conv(32, 32, 3, 3), conv(32, 64, 3, 3), conv(64, 64, 3, 3), \
            conv(64, 128, 3, 3)
        self.embed, self.predict = nn.Linear(128 * 4 * 4, 128), nn.Linear(128, classes)

    def forward(self, x):
        x = pool_same(F.relu(self.c1b(F.relu(self.c1a(x)))), 2, 2)
        x = pool_same(F.relu(self.c2b(F.relu(self.c2a(x)))), 2, 2)
        x = pool_same(F.relu(self.c3(x)), 2, 2)
        e = torch.tanh(self.embed(x.flatten(1)))
        return e, self.predict(e)


CLASSIFIERS = {
    "small-1d": (lambda: SmallCnn1d(), (1, 1, 2000), 7),
    "resnet1d": (lambda: ResNet1d(), (1, 1, 2000), 7),
    "vgg19": (lambda: Vgg19Network1d(), (1, 1, 2000), 7),
    "densenet121": (lambda: DenseNet121Network1d(), (1, 1, 2000), 7),
    "small-2d": (lambda: SmallCnn2d(), (1, 28, 28), 10),
    "vgg2d": (lambda: Vgg2d(), (1, 28, 28), 10),
}


def time_classifier_step(name, batch, warmup, steps, lam=1.0):
    """Algorithm 1's step as ClassifierTrainer does it: L_C + lambda L_F (eq. 2) on one batch, Adam; seconds per step."""
    make, item, classes = CLASSIFIERS[name]
    net = make()
    net.train()
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    x = torch.rand((batch,) + item)
    y = torch.arange(batch) % classes
    times = []
    for i in range(warmup + steps):
        t0 = time.perf_counter()
        e, logits = net(x)
        prototypes = torch.zeros(classes, e.shape[1])
        d = (e.unsqueeze(1) - prototypes.unsqueeze(0)).pow(2).sum(-1)
        loss = F.cross_entropy(logits, y) + lam * F.cross_entropy(-d, y)
        opt.zero_grad()
        loss.backward()
        opt.step()
        if i >= warmup:
            times.append(time.perf_counter() - t0)
    return times


def time_inference(name, items, warmup, steps):
    """Seconds to classify {items} random items in batches of 256 (eval mode, no gradients), per repetition."""
    make, item, _ = CLASSIFIERS[name]
    net = make().eval()
    x = torch.rand((items,) + item)
    times = []
    with torch.no_grad():
        for i in range(warmup + steps):
            t0 = time.perf_counter()
            for j in range(0, items, 256):
                net(x[j:j + 256])
            if i >= warmup:
                times.append(time.perf_counter() - t0)
    return times


def serve():
    """Line protocol for the interleaved bench: 'classifier NAME BATCH WARMUP STEPS', 'refiner 1d|2d BATCH WARMUP STEPS' or
    'inference NAME ITEMS WARMUP REPEATS'
    answers 'PEER seconds=t1,t2,...'; 'quit' ends. The Java side times its own step between two requests."""
    import sys
    for line in sys.stdin:
        parts = line.split()
        if not parts or parts[0] == "quit":
            break
        try:
            kind, name, batch, warmup, steps = parts[0], parts[1], int(parts[2]), int(parts[3]), int(parts[4])
            torch.manual_seed(2019)
            if kind == "classifier":
                times = time_classifier_step(name, batch, warmup, steps)
            elif kind == "inference":
                times = time_inference(name, batch, warmup, steps)
            elif name == "1d":
                times = time_refiner_step(SmallCnn1d(), UNet1d(), (batch, 1, 1, 2000), 7, warmup, steps, all_times=True)
            else:
                times = time_refiner_step(SmallCnn2d(), UNet2d(), (batch, 1, 28, 28), 10, warmup, steps, all_times=True)
            print("PEER seconds=" + ",".join(f"{t:.5f}" for t in times), flush=True)
        except Exception as e:  # the Java side prints it and goes on
            print("PEER error=" + f"{type(e).__name__}:{e}".replace(" ", "_"), flush=True)


def time_refiner_step(classifier, refiner, shape, classes, warmup, steps, alpha=0.01, beta=1.0, all_times=False):
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
    if all_times:
        return times
    return statistics.median(times), statistics.mean(times)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--steps", type=int, default=10)
    ap.add_argument("--warmup", type=int, default=3)
    ap.add_argument("--serve", action="store_true", help="answer timing requests on stdin (the interleaved bench)")
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    if a.serve:
        print(f"PEER torch={torch.__version__} threads={a.threads}", flush=True)
        serve()
        return
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
