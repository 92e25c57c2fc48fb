import type { Store } from '../store/connect.js';

/** What every service needs: the store and a clock (tests pin the clock). */
export interface ServiceContext {
  store: Store;
  now: () => Date;
}

export function createContext(store: Store, now: () => Date = () => new Date()): ServiceContext {
  return { store, now };
}
