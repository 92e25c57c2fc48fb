import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { ParsedItem } from '../domain/import-record.js';
import { parseContactsCsv } from './contacts-csv.js';
import { parseCalendar } from './icalendar.js';
import { readLines } from './lines.js';
import { parseLinkedInActivity } from './linkedin-activity.js';
import { parseLinkedInConnections } from './linkedin-connections.js';
import { parseMbox } from './mbox.js';
import { parseVcards } from './vcard.js';

/**
 * Parsers must turn any input into records and one-line errors: no exception may
 * escape and none may hang. Inputs are random bytes and mutations of real files.
 */
const dir = mkdtempSync(join(tmpdir(), 'kith-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const CORPORA = process.env.KITH_CORPORA ?? join(import.meta.dirname, '..', '..', '..', 'shared', 'corpora');
const FIXTURES = join(import.meta.dirname, '..', '..', 'test', 'fixtures');

const seeds: Buffer[] = [readFileSync(join(FIXTURES, 'Connections.csv')), readFileSync(join(FIXTURES, 'google-contacts.csv')), readFileSync(join(FIXTURES, 'outlook-contacts.csv'))];
const vcardDir = join(CORPORA, 'vcard', 'ez-vcard');
const mboxDir = join(CORPORA, 'mbox', 'mimekit');
if (existsSync(mboxDir)) for (const f of readdirSync(mboxDir).filter((n) => n.endsWith('.mbox'))) seeds.push(readFileSync(join(mboxDir, f)).subarray(0, 20_000));
const icalDir = join(CORPORA, 'ical', 'node-ical');
if (existsSync(icalDir)) for (const f of readdirSync(icalDir).filter((n) => n.endsWith('.ics'))) seeds.push(readFileSync(join(icalDir, f)));
if (existsSync(vcardDir)) for (const f of readdirSync(vcardDir).filter((n) => n.endsWith('.vcf'))) seeds.push(readFileSync(join(vcardDir, f)));
else console.log('vCard corpus not found: fuzzing from the CSV fixtures only');

const parsers: Record<string, (file: string) => AsyncIterable<ParsedItem>> = {
  vcard: (file) => parseVcards(readLines(file)),
  linkedin: (file) => parseLinkedInConnections(file),
  'linkedin activity': (file) => parseLinkedInActivity(file),
  contacts: (file) => parseContactsCsv(file),
  mbox: (file) => mailItems(parseMbox(file)),
  ical: (file) => calendarItems(file),
};

/** Occurrences (and events outside the window) stand in as skips: the property is about errors and endings, not what was read. */
async function* calendarItems(file: string): AsyncGenerator<ParsedItem> {
  for (const item of parseCalendar(file, { from: new Date('2000-01-01'), to: new Date('2030-01-01') })) {
    yield item.kind === 'error' ? item : { kind: 'skip', line: 0, reason: item.kind };
  }
}

async function* mailItems(items: AsyncIterable<{ kind: 'message' | 'error'; line?: number; reason?: string }>): AsyncGenerator<ParsedItem> {
  for await (const item of items) {
    yield item.kind === 'message' ? { kind: 'skip', line: 0, reason: 'message' } : { kind: 'error', line: item.line!, reason: item.reason! };
  }
}

const mutated = fc
  .record({ seed: fc.nat(), edits: fc.array(fc.record({ at: fc.nat(), bytes: fc.uint8Array({ maxLength: 8 }), cut: fc.nat({ max: 16 }) }), { maxLength: 6 }) })
  .map(({ seed, edits }) => {
    let data = Buffer.from(seeds[seed % seeds.length]!);
    for (const e of edits) {
      const at = data.length ? e.at % data.length : 0;
      data = Buffer.concat([data.subarray(0, at), Buffer.from(e.bytes), data.subarray(at + e.cut)]);
    }
    return data;
  });
// Empty and blank files too, which random bytes almost never are.
const input = fc.oneof(fc.uint8Array({ maxLength: 2000 }).map((a) => Buffer.from(a)), mutated, fc.constantFrom(Buffer.alloc(0), Buffer.from('\n\n'), Buffer.from(' \r\n')));

let counter = 0;
describe('importer parsers under fuzzing', () => {
  for (const [name, parse] of Object.entries(parsers)) {
    it(`${name}: any input yields records, skips or errors, and ends`, async () => {
      await fc.assert(
        fc.asyncProperty(input, async (bytes) => {
          const file = join(dir, `input-${counter++}`);
          writeFileSync(file, bytes);
          let items = 0;
          for await (const item of parse(file)) {
            items++;
            expect(['record', 'interaction', 'skip', 'error']).toContain(item.kind);
            if (item.kind === 'error') expect(item.reason).not.toContain('\n');
            expect(items).toBeLessThan(100_000);
          }
        }),
        { numRuns: 150 },
      );
    });
  }
});
