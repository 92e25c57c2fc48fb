import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Below this much live heap there is nothing worth collecting early. */
const MIN_BYTES = 64 * 2 ** 20;
/** Collect once the heap has grown by this factor since the last collection. */
const GROWTH = 1.5;

let collector: (() => void) | null | undefined;

/**
 * A full collection on demand. Node gives one only to code started with
 * --expose-gc; a context created while that flag is set gets it too, and the flag
 * is put back at once, so nothing else in the process sees a difference.
 */
function fullCollection(): (() => void) | null {
  if (collector !== undefined) return collector;
  try {
    setFlagsFromString('--expose-gc');
    collector = runInNewContext('gc') as () => void;
    setFlagsFromString('--no-expose-gc');
  } catch {
    collector = null;
  }
  return collector;
}

/**
 * Keeps a batch import's memory flat. Each batch leaves its rows, statements and
 * lookups behind as garbage, and V8 lets garbage pile up to about twice the live
 * heap before it collects the old generation: a 1 GB mail archive imported 10,000
 * messages a transaction peaked near 300 MB that way, of which a third was garbage.
 * Between two batches all of it is dead, so the import collects it when the heap
 * has grown by half since the last collection; that costs about as much as the
 * collections V8 would have made anyway (measured in bench/RESULTS.md).
 */
export class HeapCeiling {
  private next = MIN_BYTES;

  /** Call between batches, when the last batch's objects are no longer held. */
  betweenBatches(): void {
    if (getHeapStatistics().used_heap_size < this.next) return;
    const collect = fullCollection();
    if (!collect) return;
    collect();
    this.next = Math.max(MIN_BYTES, getHeapStatistics().used_heap_size * GROWTH);
  }
}
