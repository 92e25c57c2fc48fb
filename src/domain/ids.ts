import { uuidv7 } from 'uuidv7';

/** Ids are UUIDv7 text: unique without coordination and sortable by creation time. */
export function newId(): string {
  return uuidv7();
}

export function looksLikeId(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i.test(value.trim());
}
