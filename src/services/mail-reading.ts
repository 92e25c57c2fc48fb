import { createHash } from 'node:crypto';
import { isAhead } from '../domain/dates.js';
import { addFailure, type ImportReport } from '../domain/import-record.js';
import type { MailAddress, MailMessage } from '../importers/mail-headers.js';
import type { MailItem } from '../importers/mbox.js';

const NO_REPLY = /^(no-?reply|do-?not-?reply|mailer-daemon|postmaster|notifications?|bounces?)([+.@-]|$)/i;

/** Bulk mail says nothing about a relationship: lists, bulk precedence, robots. */
export function isBulk(m: MailMessage): boolean {
  return (
    !!m.listId ||
    ['bulk', 'list', 'junk'].includes(m.precedence ?? '') ||
    (!!m.autoSubmitted && m.autoSubmitted !== 'no') ||
    m.from.some((a) => NO_REPLY.test(a.address.split('@')[0]!))
  );
}

interface Plan {
  direction: 'outbound' | 'inbound';
  counterparts: Array<MailAddress & { role: string }>;
}

function plan(m: MailMessage, me: Set<string>): Plan | undefined {
  const fromMe = m.from.some((a) => me.has(a.address));
  if (fromMe) {
    const to = m.to.filter((a) => !me.has(a.address)).map((a) => ({ ...a, role: 'participant' }));
    const cc = m.cc.filter((a) => !me.has(a.address) && !to.some((t) => t.address === a.address)).map((a) => ({ ...a, role: 'cc' }));
    return { direction: 'outbound', counterparts: [...to, ...cc] };
  }
  const toMe = [...m.to, ...m.cc].some((a) => me.has(a.address));
  if (!toMe) return undefined;
  const ccMe = !m.to.some((a) => me.has(a.address));
  return { direction: 'inbound', counterparts: m.from.filter((a) => !me.has(a.address)).map((a) => ({ ...a, role: ccMe ? 'cc' : 'participant' })) };
}

/**
 * A message to write, as the reading pass leaves it: all the writing pass needs, as
 * a tuple, because a whole archive's messages are queued (see SpillQueue) and a
 * tuple's JSON is half an object's, with no key repeated for every message.
 */
export type QueuedMessage = [externalId: string, occurredAt: string, direction: 'outbound' | 'inbound', counterparts: Array<[address: string, role: string]>];

/** Who wrote to whom in an archive, and the name each address goes by. */
export interface MailSeen {
  wrote: Set<string>;
  received: Set<string>;
  names: Map<string, string>;
}

export function newMailSeen(): MailSeen {
  return { wrote: new Set(), received: new Set(), names: new Map() };
}

/**
 * The reading pass, one message at a time: counts it in the report (or reports why
 * it cannot be imported), learns who wrote to whom, and queues what it will write.
 * Bulk mail and mail neither from nor to you are skipped.
 */
export function readMessage(report: ImportReport, file: string, item: MailItem, context: { me: Set<string>; now: Date; seen: MailSeen; push: (q: QueuedMessage) => void }): void {
  if (item.kind === 'error') {
    addFailure(report, file, item.line, item.reason);
    return;
  }
  report.records++;
  const m = item.message;
  const p = isBulk(m) ? undefined : plan(m, context.me);
  if (!p || p.counterparts.length === 0) {
    report.skipped++;
    return;
  }
  if (!m.date) {
    // The line is counted only for failures the report lists (see LineCounter).
    addFailure(report, file, item.lineNumber, 'no readable Date header');
    return;
  }
  if (isAhead(m.date, context.now)) {
    // A sender's wrong clock would make this the last contact for years to come.
    addFailure(report, file, item.lineNumber, `Date header is in the future (${m.date.slice(0, 10)})`);
    return;
  }
  const { wrote, received, names } = context.seen;
  for (const c of p.counterparts) {
    (p.direction === 'outbound' ? wrote : received).add(c.address);
    if (c.name && !names.has(c.address)) names.set(c.address, c.name);
  }
  context.push([
    m.messageId ?? 'sha1:' + createHash('sha1').update(JSON.stringify([m.date, m.from, m.to, m.cc])).digest('hex'),
    m.date,
    p.direction,
    p.counterparts.map((c) => [c.address, c.role]),
  ]);
}
