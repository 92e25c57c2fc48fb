/**
 * Burt's structural holes measures (Burt 1992) on a weighted, undirected network,
 * with the definitions networkx uses, so the two can be compared:
 *
 *   p(u,v)  = w(u,v) / Σ_k w(u,k)                  u's share of attention on v
 *   m(v,w)  = w(v,w) / max_k w(v,k)                v's tie to w, relative to v's strongest
 *   constraint(u)     = Σ_v ( p(u,v) + Σ_w p(u,w)·p(w,v) )²     over v, w in N(u)
 *   effective size(u) = Σ_v ( 1 − Σ_w p(u,w)·m(v,w) )           over v, w in N(u)
 *
 * Low constraint and a high effective size mark a broker: someone whose contacts do
 * not know each other, who connects groups that would otherwise be apart.
 */

export interface WeightedNetwork {
  neighbours(node: string): Iterable<[string, number]>;
}

export interface Brokerage {
  /** Burt's constraint, 0 to 1 (and up to 1.125 in small dense groups); null for someone with no ties. */
  constraint: number | null;
  effectiveSize: number | null;
  ties: number;
}

interface Totals {
  sum: number;
  max: number;
  weights: Map<string, number>;
}

/** Sums, maxima and weights per node, computed once and shared across nodes. */
export class BrokerageCalculator {
  private readonly cache = new Map<string, Totals>();

  constructor(private readonly network: WeightedNetwork) {}

  private totals(node: string): Totals {
    let t = this.cache.get(node);
    if (!t) {
      const weights = new Map<string, number>();
      let sum = 0;
      let max = 0;
      for (const [v, w] of this.network.neighbours(node)) {
        if (v === node || w <= 0) continue;
        weights.set(v, (weights.get(v) ?? 0) + w);
      }
      for (const w of weights.values()) {
        sum += w;
        if (w > max) max = w;
      }
      t = { sum, max, weights };
      if (this.cache.size > 50_000) this.cache.clear();
      this.cache.set(node, t);
    }
    return t;
  }

  of(u: string): Brokerage {
    const tu = this.totals(u);
    if (tu.weights.size === 0) return { constraint: null, effectiveSize: null, ties: 0 };
    // indirect(v) = Σ_w p(u,w)·p(w,v); redundancy(v) = Σ_w p(u,w)·m(v,w); walked from each w outwards.
    const indirect = new Map<string, number>();
    const redundancy = new Map<string, number>();
    for (const [w, wuw] of tu.weights) {
      const puw = wuw / tu.sum;
      const tw = this.totals(w);
      for (const [v, wwv] of tw.weights) {
        if (v === u || !tu.weights.has(v)) continue;
        indirect.set(v, (indirect.get(v) ?? 0) + puw * (wwv / tw.sum));
        redundancy.set(v, (redundancy.get(v) ?? 0) + puw * (wwv / this.totals(v).max));
      }
    }
    let constraint = 0;
    let effectiveSize = 0;
    for (const [v, wuv] of tu.weights) {
      constraint += (wuv / tu.sum + (indirect.get(v) ?? 0)) ** 2;
      effectiveSize += 1 - (redundancy.get(v) ?? 0);
    }
    return { constraint, effectiveSize, ties: tu.weights.size };
  }
}
