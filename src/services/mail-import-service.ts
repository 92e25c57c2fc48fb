import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { KithError, invalid } from '../domain/errors.js';
import { newId } from '../domain/ids.js';
import type { NormalizedPerson } from '../domain/person.js';
import { addInteraction, EMPTY_STATS } from '../domain/tie-strength.js';
import { emptyReport, type ImportReport } from '../domain/import-record.js';
import { readLineBatches } from '../importers/lines.js';
import type { MailAddress, MailMessage } from '../importers/mail-headers.js';
import { maildirFiles, parseMaildirMessage } from '../importers/maildir.js';
import { parseMbox, type MailItem } from '../importers/mbox.js';
import type { InteractionFields } from '../store/interaction-repository.js';
import { readRepositories, type Repositories } from '../store/repositories.js';
import type { ServiceContext } from './context.js';
import type { ProgressReporter } from './demo-service.js';
import { runImport } from './import-transactions.js';
import { insertPerson } from './person-writes.js';

/** Messages per transaction. */
const BATCH_SIZE = 500;

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
 * Mail archives (mbox or Maildir), headers only. Direction comes from the user's own
 * addresses. People are created only for correspondents with a two-way exchange in
 * the archive; everyone else only gains interactions if they already exist. A first
 * pass over the archive finds the two-way correspondents, a second writes, a
 * batch of messages per transaction; Message-ID keeps re-imports idempotent.
 */
export class MailImportService {
  constructor(private readonly ctx: ServiceContext) {}

  private async *messages(format: 'mbox' | 'maildir', path: string, onFile: (file: string) => void): AsyncGenerator<MailItem & { file: string }> {
    if (format === 'mbox') {
      onFile(path);
      for await (const item of parseMbox(readLineBatches(path))) yield { ...item, file: basename(path) };
      return;
    }
    for (const file of maildirFiles(path)) {
      onFile(file);
      for await (const item of parseMaildirMessage(file)) yield { ...item, file: basename(file) };
    }
  }

  async run(format: 'mbox' | 'maildir', path: string, options: { dryRun?: boolean } = {}, progress: ProgressReporter = () => {}): Promise<ImportReport> {
    if (!existsSync(path)) throw invalid('file', path, 'no such file or folder');
    if (format === 'mbox' && statSync(path).isDirectory()) throw invalid('file', path, 'is a folder; an mbox is one file (a folder of messages is maildir)');
    if (format === 'maildir' && !statSync(path).isDirectory()) throw invalid('folder', path, 'a Maildir is a folder');
    const repos = readRepositories(this.ctx.store);
    const me = new Set((await repos.settings.get('me.emails'))?.split(',').filter(Boolean) ?? []);
    if (me.size === 0) throw new KithError('validation', 'me_emails_missing', 'set your own addresses first, so Kith can tell sent from received: kith config set me.emails you@example.com');
    const report = emptyReport(format, [path], Boolean(options.dryRun));

    // Pass 1: who wrote to whom.
    const wrote = new Set<string>();
    const received = new Set<string>();
    const names = new Map<string, string>();
    let scanned = 0;
    for await (const item of this.messages(format, path, () => {})) {
      if (item.kind !== 'message' || isBulk(item.message)) continue;
      const p = plan(item.message, me);
      if (!p) continue;
      for (const c of p.counterparts) {
        (p.direction === 'outbound' ? wrote : received).add(c.address);
        if (c.name && !names.has(c.address)) names.set(c.address, c.name);
      }
      progress('reading', ++scanned, 0);
    }
    const twoWay = new Set([...wrote].filter((a) => received.has(a)));

    // Pass 2: write.
    const write = async (perMessage: (fn: (repos: Repositories) => Promise<void>) => Promise<void>) => {
      let done = 0;
      // Messages are committed a batch at a time: a commit per message cost more than the message.
      const pending: Array<{ m: MailMessage; p: Plan }> = [];
      const flush = async () =>
        pending.length > 0 &&
        perMessage(async (trx) => {
          for (const outcome of await this.applyBatch(trx, pending, twoWay, names)) report[outcome]++;
          pending.length = 0;
        });
      for await (const item of this.messages(format, path, () => {})) {
        if (item.kind === 'error') {
          report.failed++;
          report.failures.push({ file: item.file, line: item.line, reason: item.reason });
          continue;
        }
        report.records++;
        const m = item.message;
        progress('importing', ++done, scanned);
        if (isBulk(m)) {
          report.skipped++;
          continue;
        }
        const p = plan(m, me);
        if (!p || p.counterparts.length === 0) {
          report.skipped++;
          continue;
        }
        if (!m.date) {
          report.failed++;
          report.failures.push({ file: item.file, line: m.line, reason: 'no readable Date header' });
          continue;
        }
        pending.push({ m, p });
        if (pending.length >= BATCH_SIZE) await flush();
      }
      await flush();
    };
    await runImport(this.ctx.store, Boolean(options.dryRun), write);
    return report;
  }

  /**
   * Writes a batch of messages, in order, with a handful of queries for the whole
   * batch: who owns these addresses, which messages are already imported, and the
   * totals of everyone involved; then the new interactions table by table. Per
   * message, this was several queries each, which cost more than the parse.
   */
  private async applyBatch(repos: Repositories, batch: Array<{ m: MailMessage; p: Plan }>, twoWay: Set<string>, names: Map<string, string>): Promise<Array<'created' | 'skipped'>> {
    const now = this.ctx.now().toISOString();
    const owners = await repos.people.emailOwners([...new Set(batch.flatMap(({ p }) => p.counterparts.map((c) => c.address)))]);
    const externalIds = batch.map(({ m }) => m.messageId ?? 'sha1:' + createHash('sha1').update(JSON.stringify([m.date, m.from, m.to, m.cc])).digest('hex'));
    const known = await repos.batches.knownInteractions('mail', externalIds);
    const outcomes: Array<'created' | 'skipped'> = [];
    const fresh: Array<{ id: string; fields: InteractionFields; participants: Array<{ personId: string; role: string }> }> = [];
    for (const [i, { m, p }] of batch.entries()) {
      const participants: Array<{ personId: string; role: string }> = [];
      for (const c of p.counterparts) {
        let personId = owners.get(c.address);
        if (!personId && twoWay.has(c.address)) {
          personId = await insertPerson(repos, newCorrespondent(names.get(c.address) ?? c.address.split('@')[0]!, c.address), now);
          owners.set(c.address, personId);
        }
        if (personId && !participants.some((x) => x.personId === personId)) participants.push({ personId, role: c.role });
      }
      const externalId = externalIds[i]!;
      if (participants.length === 0 || known.has(externalId)) {
        outcomes.push('skipped');
        continue;
      }
      known.add(externalId); // the same message twice in one archive
      fresh.push({ id: newId(), fields: { kind: 'email', occurredAt: m.date!, durationMinutes: null, direction: p.direction, summary: null, source: 'mail', externalId }, participants });
      outcomes.push('created');
    }
    // Everyone's totals move forward message by message, in the archive's order.
    const totals = await repos.contactStats.get([...new Set(fresh.flatMap((f) => f.participants.map((x) => x.personId)))]);
    for (const f of fresh) {
      for (const x of f.participants) {
        totals.set(x.personId, addInteraction(totals.get(x.personId) ?? EMPTY_STATS, { kind: 'email', occurredAt: f.fields.occurredAt, direction: f.fields.direction, role: x.role }));
      }
    }
    await repos.batches.insertInteractions(fresh, now);
    await repos.contactStats.putMany([...totals].map(([personId, stats]) => ({ personId, stats })));
    return outcomes;
  }
}

/** A correspondent met by mail, as a new person with only a name and the address. */
function newCorrespondent(name: string, address: string): NormalizedPerson {
  return {
    fields: { name, givenName: null, familyName: null, nickname: null, pronouns: null, location: null, birthday: null, howMet: 'Email', metOn: null, introducedById: null, tier: null, customFields: {} },
    emails: [{ value: address, label: null }],
    phones: [],
    urls: [],
    tags: [],
    company: null,
    title: null,
  };
}
