import { parentPort, workerData } from 'node:worker_threads';
import { emptyReport } from '../domain/import-record.js';
import { parseMbox } from '../importers/mbox.js';
import { newMailSeen, readMessage, type QueuedMessage } from './mail-reading.js';

/** What the reading worker is given: the second half of an mbox, from a message's start. */
export interface MailReadingJob {
  path: string;
  file: string;
  from: number;
  me: string[];
  now: string;
}

/** What it sends back: queued messages as JSON text, progress, and at the end what it learnt. */
export type MailReadingMessage =
  | { kind: 'queued'; texts: string[] }
  | { kind: 'progress'; offset: number }
  | { kind: 'done'; records: number; skipped: number; failed: number; failures: Array<{ file: string; line: number; reason: string }>; wrote: string[]; received: string[]; names: Array<[string, string]> };

/**
 * Reads the second half of an mbox on a second core while the import reads the first
 * (see MailImportService), in the same way, message by message.
 */
const job = workerData as MailReadingJob;
const port = parentPort!;
const report = emptyReport('mbox', [job.path], false);
const seen = newMailSeen();
let texts: string[] = [];
const send = (message: MailReadingMessage) => port.postMessage(message);
const context = {
  me: new Set(job.me),
  now: new Date(job.now),
  seen,
  push: (q: QueuedMessage) => {
    texts.push(JSON.stringify(q));
    if (texts.length >= 5_000) {
      send({ kind: 'queued', texts });
      texts = [];
    }
  },
};
for await (const item of parseMbox(job.path, { from: job.from, onBytes: (offset) => send({ kind: 'progress', offset }) })) readMessage(report, job.file, item, context);
if (texts.length) send({ kind: 'queued', texts });
send({
  kind: 'done',
  records: report.records,
  skipped: report.skipped,
  failed: report.failed,
  failures: report.failures,
  wrote: [...seen.wrote],
  received: [...seen.received],
  names: [...seen.names],
});
