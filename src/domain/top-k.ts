/**
 * Keeps the `limit` best items offered, best first, by `better(x, y)` (x ranks
 * before y). One pass with a short sorted list: choosing ten of thousands costs
 * about as much as reading them, not as much as sorting them.
 */
export function topK<T>(items: Iterable<T>, limit: number, better: (x: T, y: T) => boolean): T[] {
  const top: T[] = [];
  if (limit <= 0) return top;
  for (const item of items) {
    if (top.length === limit && !better(item, top[limit - 1]!)) continue;
    let i = Math.min(top.length, limit - 1);
    if (top.length < limit) top.push(item);
    while (i > 0 && better(item, top[i - 1]!)) {
      top[i] = top[i - 1]!;
      i--;
    }
    top[i] = item;
  }
  return top;
}
