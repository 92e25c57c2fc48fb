import { invalid } from './errors.js';

export const EXCHANGE_DIRECTIONS = ['gave', 'asked', 'received'] as const;
export type ExchangeDirection = (typeof EXCHANGE_DIRECTIONS)[number];
export const EXCHANGE_KINDS = ['advice', 'intro', 'referral', 'resource', 'endorsement', 'support', 'other'] as const;

export interface Exchange {
  id: string;
  personId: string;
  direction: ExchangeDirection;
  kind: string;
  description: string | null;
  occurredOn: string;
}

export interface Balance {
  gave: number;
  asked: number;
  received: number;
  /** What you gave less what you asked for or received: below zero, give before you ask again. */
  balance: number;
}

export function parseExchangeDirection(value: string): ExchangeDirection {
  const d = value.trim().toLowerCase();
  if (!(EXCHANGE_DIRECTIONS as readonly string[]).includes(d)) throw invalid('direction', value, `expected one of ${EXCHANGE_DIRECTIONS.join(', ')}`);
  return d as ExchangeDirection;
}

export function parseExchangeKind(value: string | undefined | null): string {
  const k = (value ?? 'other').trim().toLowerCase();
  if (!(EXCHANGE_KINDS as readonly string[]).includes(k)) throw invalid('kind', value, `expected one of ${EXCHANGE_KINDS.join(', ')}`);
  return k;
}

export function balanceOf(counts: Partial<Record<ExchangeDirection, number>>): Balance {
  const gave = counts.gave ?? 0;
  const asked = counts.asked ?? 0;
  const received = counts.received ?? 0;
  return { gave, asked, received, balance: gave - asked - received };
}
