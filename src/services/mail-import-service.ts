import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { isAhead } from '../domain/dates.js';
import { KithError, invalid } from '../domain/errors.js';
import { newId } from '../domain/ids.js';
import { EMPTY_STATS, StatsAccumulator } from '../domain/tie-strength.js';
import { addFailure, emptyReport, type ImportOptions, type ImportReport } from '../domain/import-record.js';
import type { MailAddress, MailMessage } from '../importers/mail-headers.js';
import { maildirFiles, parseMaildirMessage } from '../importers/maildir.js';
import { parseMbox, type MailItem } from '../importers/mbox.js';
import { chunks } from '../store/chunks.js';
import type { InteractionFields } from '../store/interaction-repository.js';
import { readRepositories, type Repositories } from '../store/repositories.js';
import type { ServiceContext } from './context.js';
import type { ProgressReporter } from './demo-service.js';
import { HeapCeiling } from './heap-ceiling.js';
import { createCorrespondents } from './correspondents.js';
import { runImport } from './import-transactions.js';
import { SpillQueue } from './spill-queue.js';

/**
 * Messages (or new correspondents) per transaction. Each commit rewrites the index
 * pages the batch touched (Message-IDs are random, so a batch touches nearly every
 * page of their index) and each batch reads and writes the totals of everyone in
 * it, so fewer, larger batches are faster: 30,000 imports a 1 GB archive of 100,000
 * messages about 8% faster than 10,000 did, at a peak of 250 MB instead of 225 MB
 * (HeapCeiling keeps it there; the target is under 300 MB).
 */
const BATCH_SIZE = 30_000;
/**
 * Messages a transaction reads from the queue and writes at a time: a part's objects
 * die young, where a whole batch's lived long enough to be copied to the old
 * generation. With parts, and totals and last contacts written once per batch, the
 * 1 GB archive imports about 10% faster and peaks near 230 MB instead of 265 MB.
 */
const PART_SIZE = 5_000;

/** What the parts of one transaction share: who owns each address, and everyone's running totals. */
interface BatchState {
  owners: Map<string, string | undefined>;
  totals: Map<string, StatsAccumulator>;
}

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
type QueuedMessage = [externalId: string, occurredAt: string, direction: 'outbound' | 'inbound', counterparts: Array<[address: string, role: string]>];

/**
 * Mail archives (mbox or Maildir), headers only. Direction comes from the user's own
 * addresses. People are created only for correspondents with a two-way exchange in
 * the archive; everyone else only gains interactions if they already exist.
 *
 * The archive is read once. That pass learns who wrote to whom and queues what each
 * message needs (a few dozen bytes; see SpillQueue for archives too large to hold).
 * The writing pass then creates the two-way correspondents and writes the queued
 * messages a batch per transaction. Message-ID keeps re-imports idempotent.
 */
export class MailImportService {
  constructor(private readonly ctx: ServiceContext) {}

  /** The archive's files, each with its messages: one for an mbox, one per message for a Maildir. */
  private *sources(format: 'mbox' | 'maildir', path: string, onBytes: (done: number, total: number) => void): Generator<{ file: string; items: AsyncIterable<MailItem> }> {
    if (format === 'mbox') {
      const total = statSync(path).size;
      yield { file: basename(path), items: parseMbox(path, { onBytes: (done) => onBytes(done, total) }) };
      return;
    }
    const files = maildirFiles(path);
    for (const [i, file] of files.entries()) {
      onBytes(i, files.length);
      yield { file: basename(file), items: parseMaildirMessage(file) };
    }
  }

  async run(format: 'mbox' | 'maildir', path: string, options: ImportOptions = {}, progress: ProgressReporter = () => {}): Promise<ImportReport> {
    if (!existsSync(path)) throw invalid('file', path, 'no such file or folder');
    if (format === 'mbox' && statSync(path).isDirectory()) throw invalid('file', path, 'is a folder; an mbox is one file (a folder of messages is maildir)');
    if (format === 'maildir' && !statSync(path).isDirectory()) throw invalid('folder', path, 'a Maildir is a folder');
    const repos = readRepositories(this.ctx.store);
    const me = new Set((await repos.settings.get('me.emails'))?.split(',').filter(Boolean) ?? []);
    if (me.size === 0) throw new KithError('validation', 'me_emails_missing', 'set your own addresses first, so Kith can tell sent from received: kith config set me.emails you@example.com');
    const report = emptyReport(format, [path], Boolean(options.dryRun));
    const queue = new SpillQueue<QueuedMessage>();
    const now = this.ctx.now();
    try {
      // Reading: who wrote to whom, and what each message will write.
      const wrote = new Set<string>();
      const received = new Set<string>();
      const names = new Map<string, string>();
      // Two loops rather than one generator of { item, file }: a copy of every message
      // for its file's name showed in the profile of a 100,000-message import.
      for (const { file, items } of this.sources(format, path, (done, total) => progress('reading', done, total))) {
        for await (const item of items) {
          if (item.kind === 'error') {
            addFailure(report, file, item.line, item.reason);
            continue;
          }
          report.records++;
          const m = item.message;
          const p = isBulk(m) ? undefined : plan(m, me);
          if (!p || p.counterparts.length === 0) {
            report.skipped++;
            continue;
          }
          if (!m.date) {
            // The line is counted only for failures the report lists (see LineCounter).
            addFailure(report, file, item.lineNumber, 'no readable Date header');
            continue;
          }
          if (isAhead(m.date, now)) {
            // A sender's wrong clock would make this the last contact for years to come.
            addFailure(report, file, item.lineNumber, `Date header is in the future (${m.date.slice(0, 10)})`);
            continue;
          }
          for (const c of p.counterparts) {
            (p.direction === 'outbound' ? wrote : received).add(c.address);
            if (c.name && !names.has(c.address)) names.set(c.address, c.name);
          }
          queue.push([
            m.messageId ?? 'sha1:' + createHash('sha1').update(JSON.stringify([m.date, m.from, m.to, m.cc])).digest('hex'),
            m.date,
            p.direction,
            p.counterparts.map((c) => [c.address, c.role]),
          ]);
        }
      }
      // Who becomes a new person: by default those you wrote to and heard from.
      const newPeople = options.newPeople ?? 'two-way';
      const creating = newPeople === 'none' ? [] : newPeople === 'all' ? [...new Set([...wrote, ...received])] : [...wrote].filter((a) => received.has(a));
      if (newPeople === 'two-way') {
        const oneWay = new Set([...wrote, ...received]).size - creating.length;
        if (oneWay > 0) report.notes.push(`${oneWay} ${oneWay === 1 ? 'correspondent' : 'correspondents'} you only wrote to or only heard from not added as new people; "new people: all" adds them`);
      }

      // Writing: new correspondents, then the messages, a batch per transaction
      // (a commit per message cost more than the message).
      const heap = new HeapCeiling();
      await runImport(this.ctx.store, Boolean(options.dryRun), async (perBatch) => {
        for (const part of chunks(creating, BATCH_SIZE)) {
          await perBatch(async (trx) => {
            await createCorrespondents(trx, part.map((address) => ({ address, name: names.get(address) ?? null })), { source: 'mail', howMet: 'Email' }, this.ctx.now().toISOString());
          });
          heap.betweenBatches();
        }
        // Each transaction pulls its messages from the queue a part at a time: a whole
        // batch held at once lived through the young generation's collections and
        // was copied into the old one, message by message.
        const messages = queue[Symbol.asyncIterator]();
        let done = 0;
        let ended = false;
        while (!ended) {
          await perBatch(async (trx) => {
            const state: BatchState = { owners: new Map(), totals: new Map() };
            for (let taken = 0; taken < BATCH_SIZE && !ended; ) {
              const part: QueuedMessage[] = [];
              while (part.length < PART_SIZE) {
                const next = await messages.next();
                if (next.done) {
                  ended = true;
                  break;
                }
                part.push(next.value);
              }
              for (const outcome of await this.applyPart(trx, part, state)) report[outcome]++;
              taken += part.length;
              done += part.length;
            }
            // Once per batch, not per part: the same few thousand people are in every part.
            const totals = [...state.totals].map(([personId, total]) => ({ personId, stats: total.toStats() }));
            await trx.contactStats.putMany(totals);
            await trx.batches.advanceLastContacts(totals.flatMap(({ personId, stats }) => (stats.lastAt ? [{ personId, at: stats.lastAt }] : [])));
          });
          progress('importing', done, queue.length);
          heap.betweenBatches();
        }
      });
    } finally {
      queue.close();
    }
    return report;
  }

  /**
   * Writes a part of a batch's messages, in order, with a handful of queries for the
   * whole part: who owns the addresses not seen yet in this batch, which messages are
   * already imported, and the totals of people not met yet in this batch; then the new
   * interactions table by table. Per message, this was several queries each, which
   * cost more than the parse.
   */
  private async applyPart(repos: Repositories, part: QueuedMessage[], state: BatchState): Promise<Array<'created' | 'skipped'>> {
    if (part.length === 0) return [];
    const now = this.ctx.now().toISOString();
    const unseen = [...new Set(part.flatMap(([, , , counterparts]) => counterparts.map(([address]) => address)))].filter((a) => !state.owners.has(a));
    const found = await repos.people.emailOwners(unseen);
    for (const address of unseen) state.owners.set(address, found.get(address));
    // Within the batch's transaction, so a message seen in an earlier part counts as known.
    const known = await repos.batches.knownInteractions('mail', part.map(([externalId]) => externalId));
    const outcomes: Array<'created' | 'skipped'> = [];
    const fresh: Array<{ id: string; fields: InteractionFields; participants: Array<{ personId: string; role: string }> }> = [];
    for (const [externalId, occurredAt, direction, counterparts] of part) {
      const participants: Array<{ personId: string; role: string }> = [];
      for (const [address, role] of counterparts) {
        const personId = state.owners.get(address);
        if (personId && !participants.some((x) => x.personId === personId)) participants.push({ personId, role });
      }
      if (participants.length === 0 || known.has(externalId)) {
        outcomes.push('skipped');
        continue;
      }
      known.add(externalId); // the same message twice in one part
      fresh.push({ id: newId(), fields: { kind: 'email', occurredAt, durationMinutes: null, direction, summary: null, source: 'mail', externalId }, participants });
      outcomes.push('created');
    }
    // Everyone's totals move forward message by message, in the archive's order.
    const newcomers = [...new Set(fresh.flatMap((f) => f.participants.map((x) => x.personId)))].filter((id) => !state.totals.has(id));
    const before = await repos.contactStats.get(newcomers);
    for (const id of newcomers) state.totals.set(id, StatsAccumulator.from(before.get(id) ?? EMPTY_STATS));
    for (const f of fresh) {
      for (const x of f.participants) state.totals.get(x.personId)!.add({ kind: 'email', occurredAt: f.fields.occurredAt, direction: f.fields.direction, role: x.role });
    }
    await repos.batches.insertInteractions(fresh, now, { lastContacts: false });
    return outcomes;
  }
}
