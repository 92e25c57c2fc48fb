import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { readLines } from './lines.js';
import { headersToMessage, parseMailDate } from './mail-headers.js';
import { LineCounter, parseMbox, type MailItem } from './mbox.js';

const dir = mkdtempSync(join(tmpdir(), 'kith-mbox-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const CORPORA = process.env.KITH_CORPORA ?? join(import.meta.dirname, '..', '..', '..', 'shared', 'corpora');
const MBOXES = join(CORPORA, 'mbox', 'mimekit');

/**
 * The mbox rules read line by line, the plain way: the parser skips bodies by
 * searching bytes instead, and must find exactly the same messages and errors.
 */
async function* referenceParse(file: string): AsyncGenerator<MailItem> {
  const separator = /^From (-|\S*@\S*|MAILER-DAEMON)(\s|$)/;
  let start = 0;
  let headers: string[] | null = null;
  let inHeaders = false;
  let bodyBytesLeft = 0;
  let sawSeparator = false;
  for await (const { raw, number, bytes } of readLines(file)) {
    const text = number === 1 ? raw.replace(/^\xef\xbb\xbf/, '') : raw;
    if (bodyBytesLeft > 0) {
      bodyBytesLeft -= bytes;
      continue;
    }
    if (separator.test(text)) {
      if (headers && inHeaders) yield { kind: 'error', line: start, reason: 'message ends inside its headers' };
      sawSeparator = true;
      start = number;
      headers = [];
      inHeaders = true;
      continue;
    }
    if (!sawSeparator) {
      if (text.trim()) {
        yield { kind: 'error', line: number, reason: 'not an mbox file: it does not start with a "From " line' };
        return;
      }
      continue;
    }
    if (inHeaders && headers) {
      if (text === '' || text === '\r') {
        inHeaders = false;
        const length = headers.map((h) => /^content-length:\s*(\d+)/i.exec(h)).find(Boolean);
        if (length) bodyBytesLeft = Number(length[1]);
        yield { kind: 'message', message: headersToMessage(headers), lineNumber: () => start };
        continue;
      }
      headers.push(text.replace(/\r$/, ''));
    }
  }
  if (headers && inHeaders && headers.length) yield { kind: 'message', message: headersToMessage(headers), lineNumber: () => start };
}

/** What a test compares: each message's line and identity, each error. */
async function summary(items: AsyncIterable<MailItem>): Promise<string[]> {
  const out: string[] = [];
  for await (const item of items) {
    out.push(item.kind === 'error' ? `error ${item.line} ${item.reason}` : `message ${item.lineNumber()} ${item.message.messageId} ${item.message.from.map((a) => a.address).join(',')}`);
  }
  return out;
}

let counter = 0;
function write(content: string | Buffer): string {
  const file = join(dir, `m${counter++}.mbox`);
  writeFileSync(file, content);
  return file;
}

// Mostly the lines that matter to the rules, so that most files hold several messages.
const fragment = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.constantFrom(
      'From a@b.example Mon Jun 01 09:00:00 2026',
      'From - Tue Jun 02 10:00:00 2026',
      'From MAILER-DAEMON Wed Jun 03',
      'From Russia with love',
      'From ',
      '>From a@b.example escaped',
      'From: Ana <ana@x.example>',
      'To: me@home.example',
      'Subject: hello',
      ' folded continuation',
      '',
      '',
      'body text',
      'From',
      '\xef\xbb\xbfFrom a@b.example BOM',
    ),
  },
  fc.nat({ max: 40 }).map((n) => `Content-Length: ${n}`),
  fc.nat({ max: 9 }).map((n) => `Message-ID: <m${n}@x.example>`),
  fc.string({ maxLength: 12 }),
);
const mbox = fc.record({
  lines: fc.array(fragment, { maxLength: 40 }),
  breaks: fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 1, maxLength: 40 }),
  finalBreak: fc.boolean(),
});

describe('parseMbox', () => {
  it('finds the same messages and errors as reading line by line, wherever the reads split the file', async () => {
    await fc.assert(
      fc.asyncProperty(mbox, fc.integer({ min: 1, max: 64 }), async ({ lines, breaks, finalBreak }, chunkBytes) => {
        const text = lines.map((l, i) => l + (i < lines.length - 1 || finalBreak ? breaks[i % breaks.length] : '')).join('');
        const file = write(Buffer.from(text, 'latin1'));
        expect(await summary(parseMbox(file, { chunkBytes }))).toEqual(await summary(referenceParse(file)));
      }),
      { numRuns: 400 },
    );
  });

  it.runIf(existsSync(MBOXES))('reads the corpus archives as line by line does, in small reads and large', async () => {
    for (const f of readdirSync(MBOXES).filter((n) => n.endsWith('.mbox'))) {
      const file = join(MBOXES, f);
      const expected = await summary(referenceParse(file));
      expect(expected.length).toBeGreaterThan(0);
      expect(await summary(parseMbox(file, { chunkBytes: 61 }))).toEqual(expected);
      expect(await summary(parseMbox(file))).toEqual(expected);
    }
  });

  it('skips a Content-Length body that spans many reads, and reports progress in bytes', async () => {
    const body = 'From x@y.example not a separator inside the counted body\n'.repeat(2000);
    const file = write(`From a@b.example Mon\nMessage-ID: <one@x>\nContent-Length: ${body.length}\n\n${body}From c@d.example Tue\nMessage-ID: <two@x>\n\nbye\n`);
    const seen: number[] = [];
    const result = await summary(parseMbox(file, { chunkBytes: 4096, onBytes: (n) => seen.push(n) }));
    expect(result.map((r) => r.split(' ').slice(0, 3).join(' '))).toEqual(['message 1 one@x', 'message 2005 two@x']);
    expect(seen.at(-1)).toBe(readFileSync(file).length);
    expect(seen.length).toBeGreaterThan(10);
  });

  it('reports headers that never end without holding them all', async () => {
    const file = write('From a@b.example Mon\n' + 'X-Filler: ' + 'y'.repeat(3 << 20) + '\n\nFrom c@d.example Tue\nMessage-ID: <two@x>\n\n');
    const result = await summary(parseMbox(file));
    expect(result).toEqual(['error 1 more than 1 MB of headers', 'message 4 two@x ']);
  });
});

describe('LineCounter', () => {
  it('numbers lines as reading them does, in any order of requests', async () => {
    const file = write('a\r\nbb\rccc\n\nd\r\n\re');
    const starts: Array<[number, number]> = [];
    for await (const l of readLines(file)) starts.push([l.offset - l.bytes, l.number]);
    const counter = new LineCounter(file);
    for (const [offset, number] of starts) expect(counter.lineAt(offset)).toBe(number);
    for (const [offset, number] of [...starts].reverse()) expect(counter.lineAt(offset)).toBe(number);
  });
});

describe('parseMailDate', () => {
  it('reads the usual Date header form as Date.parse does, and leaves the rest to it', () => {
    const samples = [
      'Mon, 1 Jun 2026 09:00:00 +0000',
      'Tue, 02 Jun 2026 10:00:00 +0230',
      'Wed, 3 Jun 2026 23:59:59 -0700 (PDT)',
      '4 Jun 2026 08:15 +0100',
      'Thu, 4 Jun 2026 08:15:00 GMT',
      'Fri, 29 Feb 2026 12:00:00 +0000',
      'Sat, 6 Jun 2026 24:00:00 +0000',
      '2026-06-07T10:00:00Z',
      'not a date',
    ];
    for (const text of samples) {
      const expected = Date.parse(text.replace(/\s+\([^)]*\)\s*$/, ''));
      expect([text, parseMailDate(text)]).toEqual([text, expected]);
    }
    expect(new Date(parseMailDate('Tue, 02 Jun 2026 10:00:00 +0230')).toISOString()).toBe('2026-06-02T07:30:00.000Z');
  });

  it('agrees with Date.parse on any date of the usual form', () => {
    const pad = (n: number) => String(n).padStart(2, '0');
    const date = fc
      .record({
        day: fc.integer({ min: 0, max: 32 }),
        month: fc.constantFrom('Jan', 'feb', 'MAR', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec', 'Foo'),
        year: fc.integer({ min: 1970, max: 2100 }),
        hour: fc.integer({ min: 0, max: 25 }),
        minute: fc.integer({ min: 0, max: 61 }),
        second: fc.option(fc.integer({ min: 0, max: 61 })),
        sign: fc.constantFrom('+', '-'),
        offset: fc.integer({ min: 0, max: 1439 }),
      })
      .map((d) => `${d.day} ${d.month} ${d.year} ${pad(d.hour)}:${pad(d.minute)}${d.second === null ? '' : ':' + pad(d.second)} ${d.sign}${pad(Math.floor(d.offset / 60))}${pad(d.offset % 60)}`);
    fc.assert(fc.property(date, (text) => Object.is(parseMailDate(text), Date.parse(text))), { numRuns: 2000 });
  });
});
