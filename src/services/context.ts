import type { Store } from '../store/connect.js';
import { StrengthIndex } from './strength-index.js';

/** What every service needs: the store, a clock (tests pin the clock), and what is kept between calls. */
export interface ServiceContext {
  store: Store;
  now: () => Date;
  /** Today's tie strengths of many people, shared by the services that ask about segments. */
  strengths: StrengthIndex;
}

export function createContext(store: Store, now: () => Date = () => new Date()): ServiceContext {
  return { store, now, strengths: new StrengthIndex(store, now) };
}
