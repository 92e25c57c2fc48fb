import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { basename } from 'node:path';
import { KithError, invalid } from '../domain/errors.js';
import { newId } from '../domain/ids.js';
import { EMPTY_STATS, StatsAccumulator } from '../domain/tie-strength.js';
import { addFailure, emptyReport, type ImportOptions, type ImportReport } from '../domain/import-record.js';
import { maildirFiles, parseMaildirMessage } from '../importers/maildir.js';
import { parseMbox, separatorAfter } from '../importers/mbox.js';
import { chunks } from '../store/chunks.js';
import type { InteractionFields } from '../store/interaction-repository.js';
import { readRepositories, type Repositories } from '../store/repositories.js';
import type { ServiceContext } from './context.js';
import type { ProgressReporter } from './demo-service.js';
import { HeapCeiling } from './heap-ceiling.js';
import { createCorrespondents } from './correspondents.js';
import { runImport } from './import-transactions.js';
import { newMailSeen, readMessage, type QueuedMessage } from './mail-reading.js';
import type { MailReadingJob, MailReadingMessage } from './mail-reading-worker.js';
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

/** Bytes from which an mbox is read by two threads; KITH_MBOX_SPLIT_BYTES moves it (the tests set it low). */
function splitBytes(): number {
  return Number(process.env.KITH_MBOX_SPLIT_BYTES) || 64 << 20;
}

type ReadingContext = Parameters<typeof readMessage>[3];

/** The items of several queues, one queue after the other. */
async function* inTurn<T>(queues: Array<SpillQueue<T>>): AsyncGenerator<T> {
  for (const q of queues) yield* q;
}

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

  /**
   * The reading pass over an mbox. An archive of SPLIT_BYTES or more is read by two
   * threads, this one from the top and a worker from the first message after the
   * middle, into a queue of its own that the caller writes after the first. Should
   * this thread, reading on, not find a message starting exactly where the worker
   * started (a Content-Length body can hold a "From " line), or should the worker
   * fail, this thread reads the rest itself: the result is always that of one reader
   * from the top.
   */
  private async readMbox(path: string, report: ImportReport, context: ReadingContext, queues: Array<SpillQueue<QueuedMessage>>, progress: ProgressReporter): Promise<void> {
    const total = statSync(path).size;
    const file = basename(path);
    const read = async (from: number, until: number | undefined, onBytes: (done: number) => void): Promise<number | undefined> => {
      let stoppedAt: number | undefined;
      for await (const item of parseMbox(path, { from, until, onBytes, onStop: (at) => (stoppedAt = at) })) readMessage(report, file, item, context);
      return stoppedAt;
    };
    // Through ../services/ so that the path holds from the bundled CLI in dist/cli/ too;
    // under the test runner, which runs the TypeScript sources, there is no worker.
    const workerFile = new URL('../services/mail-reading-worker.js', import.meta.url);
    const half = total >= splitBytes() && existsSync(fileURLToPath(workerFile)) ? separatorAfter(path, Math.floor(total / 2)) : undefined;
    if (!half) {
      await read(0, undefined, (done) => progress('reading', done, total));
      return;
    }
    const later = new SpillQueue<QueuedMessage>();
    const job: MailReadingJob = { path, file, from: half, me: [...context.me], now: context.now.toISOString() };
    const worker = new Worker(workerFile, { workerData: job });
    let mine = 0;
    let theirs = half;
    let done: Extract<MailReadingMessage, { kind: 'done' }> | undefined;
    let failed = false;
    let wake: (() => void) | undefined;
    const show = () => progress('reading', mine + theirs - half, total);
    worker.on('message', (m: MailReadingMessage) => {
      if (m.kind === 'queued') for (const text of m.texts) later.pushText(text);
      else if (m.kind === 'progress') {
        theirs = m.offset;
        show();
      } else {
        done = m;
        wake?.();
      }
    });
    const fail = () => {
      failed = true;
      wake?.();
    };
    worker.on('error', fail);
    worker.on('exit', () => !done && fail());
    let merged = false;
    try {
      const stoppedAt = await read(0, half, (offset) => {
        mine = Math.min(offset, half);
        show();
      });
      if (stoppedAt === half) {
        while (!done && !failed) await new Promise<void>((resolve) => (wake = resolve));
      }
      if (stoppedAt !== half || !done) {
        // On alone from where this thread stopped, if it did not read to the end.
        if (stoppedAt !== undefined) await read(stoppedAt, undefined, (offset) => progress('reading', offset, total));
        return;
      }
      report.records += done.records;
      report.skipped += done.skipped;
      for (const f of done.failures) addFailure(report, f.file, f.line, f.reason);
      report.failed += done.failed - done.failures.length;
      for (const a of done.wrote) context.seen.wrote.add(a);
      for (const a of done.received) context.seen.received.add(a);
      for (const [address, name] of done.names) if (!context.seen.names.has(address)) context.seen.names.set(address, name);
      queues.push(later);
      merged = true;
    } finally {
      await worker.terminate();
      if (!merged) later.close();
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
    // The queues the writing pass reads in turn: this one, and the second half's (see readMbox).
    const queues = [queue];
    const now = this.ctx.now();
    try {
      // Reading: who wrote to whom, and what each message will write.
      const seen = newMailSeen();
      const context: ReadingContext = { me, now, seen, push: (q) => queue.push(q) };
      if (format === 'mbox') await this.readMbox(path, report, context, queues, progress);
      else {
        const files = maildirFiles(path);
        for (const [i, file] of files.entries()) {
          progress('reading', i, files.length);
          for await (const item of parseMaildirMessage(file)) readMessage(report, basename(file), item, context);
        }
      }
      const { wrote, received, names } = seen;

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
        const messages = inTurn(queues);
        const queued = queues.reduce((n, q) => n + q.length, 0);
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
          progress('importing', done, queued);
          heap.betweenBatches();
        }
      });
    } finally {
      for (const q of queues) q.close();
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
