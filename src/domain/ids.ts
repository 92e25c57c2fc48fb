import { randomFillSync } from 'node:crypto';
import { V7Generator } from 'uuidv7';

/**
 * Random words for the id generator, drawn from the system's secure source a few
 * thousand at a time: the library's default asks for eight at a time, and an import
 * of 100,000 people spent most of a second in those calls.
 */
class PooledRandom {
  private readonly pool = new Uint32Array(4096);
  private cursor = this.pool.length;

  nextUint32(): number {
    if (this.cursor === this.pool.length) {
      randomFillSync(this.pool);
      this.cursor = 0;
    }
    return this.pool[this.cursor++]!;
  }
}

const generator = new V7Generator(new PooledRandom());

/** Ids are UUIDv7 text: unique without coordination and sortable by creation time. */
export function newId(): string {
  return generator.generate().toString();
}

export function looksLikeId(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i.test(value.trim());
}
