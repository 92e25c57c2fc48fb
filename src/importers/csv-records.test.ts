import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { CsvSyntaxError, readCsvRecords, type CsvRecord } from './csv-records.js';

const dir = mkdtempSync(join(tmpdir(), 'kith-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

async function read(content: string | Buffer, encoding?: string): Promise<CsvRecord[]> {
  const file = join(dir, `f${n++}.csv`);
  writeFileSync(file, content);
  const out: CsvRecord[] = [];
  for await (const r of readCsvRecords(file, { encoding })) out.push(r);
  return out;
}

function quote(field: string): string {
  return /[",\r\n]/.test(field) || field === '' ? `"${field.replace(/"/g, '""')}"` : field;
}

describe('readCsvRecords', () => {
  it('reads quoted commas, escaped quotes, line breaks in fields, CRLF, a BOM and no final newline', async () => {
    const records = await read('\uFEFFa,b,c\r\n"x, y","say ""hi""","two\nlines"\r\n\r\nlast,,"')
      .catch((e: unknown) => e);
    expect(records).toBeInstanceOf(CsvSyntaxError);
    const ok = await read('\uFEFFa,b,c\r\n"x, y","say ""hi""","two\nlines"\r\n\r\nlast,,end');
    expect(ok).toEqual([
      { fields: ['a', 'b', 'c'], line: 1 },
      { fields: ['x, y', 'say "hi"', 'two\nlines'], line: 2 },
      { fields: ['last', '', 'end'], line: 5 },
    ]);
  });

  it('keeps a quote inside an unquoted field as text, and names the line of an unclosed quote', async () => {
    expect(await read('5" floppy,ok\n')).toEqual([{ fields: ['5" floppy', 'ok'], line: 1 }]);
    const error = await read('a,b\nc,"never closed\nmore\n').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CsvSyntaxError);
    expect((error as CsvSyntaxError).line).toBe(2);
  });

  it('decodes Windows-1252', async () => {
    expect(await read(iconv.encode('Name,City\nJosé,Zürich\n', 'windows-1252'), 'windows-1252')).toEqual([
      { fields: ['Name', 'City'], line: 1 },
      { fields: ['José', 'Zürich'], line: 2 },
    ]);
  });

  it('reads back whatever a writer quotes correctly, across read-chunk boundaries', async () => {
    const field = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('"', '""', ',', '\n', '\r\n', 'x'.repeat(70_000)));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(field, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }), fc.boolean(), async (rows, crlf) => {
        const text = rows.map((r) => r.map(quote).join(',')).join(crlf ? '\r\n' : '\n');
        expect((await read(text)).map((r) => r.fields)).toEqual(rows);
      }),
      { numRuns: 60 },
    );
  });
});
