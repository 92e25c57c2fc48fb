"""The same network computations with networkx, on the graph bench/network.js exports.

Reads <dir>/edges.tsv (a, b, weight), <dir>/strength.tsv (person, your strength),
<dir>/targets.txt and <dir>/brokers.txt; prints one JSON object with timings (ms)
and results to compare with Kith's.
"""
import json
import math
import sys
import time

import networkx as nx

d = sys.argv[1]
out = {"networkx": nx.__version__}

t = time.perf_counter()
G = nx.Graph()
with open(f"{d}/strength.tsv") as f:
    strength = {}
    for line in f:
        p, s = line.rstrip("\n").split("\t")
        strength[p] = float(s)
        G.add_node(p)
with open(f"{d}/edges.tsv") as f:
    for line in f:
        a, b, w = line.rstrip("\n").split("\t")
        G.add_edge(a, b, weight=float(w))
out["build_ms"] = (time.perf_counter() - t) * 1000
out["nodes"], out["edges"] = G.number_of_nodes(), G.number_of_edges()


def bridge(w):
    w = max(0.0, min(1.0, w))
    if w >= 0.45:
        return 1 - 0.3 * ((w - 0.45) / 0.55) ** 2
    return max(0.2, math.exp(-(((w - 0.45) / 0.25) ** 2)))


def warm_paths(target, limit=10):
    """Kith's warm-path ranking (src/domain/warm-path.ts), walked over networkx's adjacency."""
    by_first = {}
    adj = G.adj

    def offer(first, score, route):
        current = by_first.get(first)
        if current is not None and current[0] > score:
            return
        candidate = (score, route, ">".join(route))
        if current is None or (-candidate[0], len(route), candidate[2]) < (-current[0], len(current[1]), current[2]):
            by_first[first] = candidate

    direct = strength.get(target, 0.0)
    if direct > 0:
        offer(target, round(direct / 100, 3), [target])
    for a, ta in adj[target].items():
        if a == target:
            continue
        sa = strength.get(a, 0.0)
        w_ta = ta["weight"]
        bridge_ta = bridge(w_ta)
        if sa > 0:
            offer(a, round(sa / 100 * bridge_ta, 3), [a, target])
        reach = 0.5 * bridge_ta
        for b, ab in adj[a].items():
            sb = strength.get(b, 0.0)
            if sb <= 0 or b == target or b == a:
                continue
            current = by_first.get(b)
            if current is not None and current[0] > round(reach * (sb / 100), 3):
                continue
            score = round(reach * (sb / 100) * bridge(ab["weight"]), 3)
            if current is not None and current[0] > score:
                continue
            offer(b, score, [b, a, target])
    ranked = sorted(by_first.values(), key=lambda c: (-c[0], len(c[1]), c[2]))
    return [{"score": c[0], "route": c[1]} for c in ranked[:limit]]


with open(f"{d}/targets.txt") as f:
    targets = [line.strip() for line in f if line.strip()]
answers = [warm_paths(target) for target in targets]  # also the warm-up pass
REPEAT = 20
rounds = []
for _ in range(5):
    t = time.perf_counter()
    for _ in range(REPEAT):
        for target in targets:
            warm_paths(target)
    rounds.append((time.perf_counter() - t) * 1000 / (REPEAT * len(targets)))
out["path_ms"] = sorted(rounds)[2]
out["paths"] = answers

t = time.perf_counter()
communities = nx.community.louvain_communities(G, weight="weight", seed=1)
out["louvain_ms"] = (time.perf_counter() - t) * 1000
out["louvain_count"] = sum(1 for c in communities if len(c) >= 3)
out["louvain_modularity"] = nx.community.modularity(G, communities, weight="weight")

with open(f"{d}/brokers.txt") as f:
    brokers = [line.strip() for line in f if line.strip()]
t = time.perf_counter()
constraint = nx.constraint(G, nodes=brokers, weight="weight")
effective = nx.effective_size(G, nodes=brokers, weight="weight")
out["brokerage_ms"] = (time.perf_counter() - t) * 1000
out["brokerage"] = {b: [constraint[b], effective[b]] for b in brokers}

print(json.dumps(out))
