import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { isoDay, parseBirthday, parseDate } from '../domain/dates.js';
import { normalizeEmail } from '../domain/email.js';
import { invalid, KithError } from '../domain/errors.js';
import { newId } from '../domain/ids.js';
import { addFailure, emptyReport, MAX_FAILURES_KEPT, NEW_PEOPLE, type ImportedInteraction, type ImportedPerson, type ImportOptions, type ImportReport, type ParsedItem } from '../domain/import-record.js';
import { splitName } from '../domain/names.js';
import { splitLabel, type LabelledValue, type NormalizedPerson, type PersonUrl } from '../domain/person.js';
import { normalizePhone } from '../domain/phone.js';
import { normalizeTag } from '../domain/tags.js';
import { normalizeUrl, urlKind } from '../domain/urls.js';
import { parseContactsCsv } from '../importers/contacts-csv.js';
import { detectFormat } from '../importers/detect-format.js';
import { readLines } from '../importers/lines.js';
import { extractEntries } from '../importers/zip-entries.js';
import { parseLinkedInActivity } from '../importers/linkedin-activity.js';
import { parseLinkedInConnections } from '../importers/linkedin-connections.js';
import { parseVcards } from '../importers/vcard.js';
import { nameKeyOf } from '../store/person-repository.js';
import { type Repositories } from '../store/repositories.js';
import { recordInteraction } from './contact-stats.js';
import { addInteraction, EMPTY_STATS } from '../domain/tie-strength.js';
import { normalizeOrganizationName } from '../domain/organization.js';
import type { NewPersonRecord } from '../store/person-batch-repository.js';
import type { InteractionFields } from '../store/interaction-repository.js';
import type { ServiceContext } from './context.js';
import type { ProgressReporter } from './demo-service.js';
import { findOrCreateOrganization } from './organization-refs.js';
import { insertPerson } from './person-writes.js';
import { CalendarImportService } from './calendar-import-service.js';
import { MailImportService } from './mail-import-service.js';
import { HeapCeiling } from './heap-ceiling.js';
import { DryRunRollback, runImport, type PerRecord } from './import-transactions.js';
import { phoneRegion } from './settings-service.js';

export const IMPORT_FORMATS = ['vcard', 'linkedin', 'google', 'outlook', 'ical', 'mbox', 'maildir'] as const;
type ContactFormat = 'vcard' | 'linkedin' | 'google' | 'outlook';
export type ImportFormat = ContactFormat;

/**
 * Records per batch transaction: large enough to amortise the lookups and the commit
 * (which rewrites every index page the batch touched), small enough, with
 * HeapCeiling, to keep memory flat: 10,000 imports 100,000 connections a tenth
 * faster than 5,000 did, for about 40 MB more at the peak.
 */
const BATCH_SIZE = 10_000;
/** Records a batch's transaction reads and writes at a time (see applyBatch). */
const PART_SIZE = 2_000;

interface FormatSpec {
  source: string;
  accepts: (name: string) => boolean;
  parse: (file: string, onBytes: (offset: number) => void) => AsyncIterable<ParsedItem>;
}

async function* vcardItems(file: string, onBytes: (offset: number) => void): AsyncGenerator<ParsedItem> {
  async function* tracked() {
    for await (const line of readLines(file)) {
      onBytes(line.offset);
      yield line;
    }
  }
  yield* parseVcards(tracked());
}

const FORMATS: Record<ImportFormat, FormatSpec> = {
  vcard: { source: 'vcard', accepts: (n) => /\.(vcf|vcard)$/i.test(n), parse: vcardItems },
  linkedin: {
    source: 'linkedin',
    accepts: (n) => /^(connections|messages|invitations)\.csv$/i.test(n),
    parse: (file, onBytes) => (/(^|[\\/])(messages|invitations)\.csv$/i.test(file) ? parseLinkedInActivity(file, onBytes) : parseLinkedInConnections(file, onBytes)),
  },
  google: { source: 'google', accepts: (n) => /\.csv$/i.test(n), parse: parseContactsCsv },
  outlook: { source: 'outlook', accepts: (n) => /\.csv$/i.test(n), parse: parseContactsCsv },
};


/**
 * A file in which nothing could be read as a record is the wrong file (or not the
 * format named), not an import with failures: it is an error, so that the command
 * says so and fails. Nothing was written, since there was nothing to write.
 */
function rejectUnreadable(report: ImportReport): ImportReport {
  const [first] = report.failures;
  if (report.records > 0 || report.skipped > 0 || !first) return report;
  const more = report.failed > 1 ? ` (and ${report.failed - 1} more ${report.failed === 2 ? 'failure' : 'failures'})` : '';
  throw new KithError('validation', 'unreadable_import', `nothing imported: ${first.file}:${first.line}: ${first.reason}${more}`, { failures: report.failures.slice(0, 10) });
}

/**
 * The options a format does not use are refused, not ignored: `--max-attendees` on a
 * mail archive would otherwise look as if it had done something.
 */
function checkOptions(format: (typeof IMPORT_FORMATS)[number], options: ImportOptions, now: Date): ImportOptions {
  const mail = format === 'mbox' || format === 'maildir';
  if (options.newPeople !== undefined) {
    if (!(NEW_PEOPLE as readonly string[]).includes(options.newPeople)) throw invalid('new-people', options.newPeople, `expected one of ${NEW_PEOPLE.join(', ')}`);
    if (!mail && format !== 'ical') throw invalid('new-people', options.newPeople, 'applies to mail archives (mbox, maildir) and calendars (ical); a contact file adds everyone it holds');
    if (format === 'ical' && options.newPeople === 'two-way') throw invalid('new-people', options.newPeople, 'a calendar takes none (the default) or all; two-way is for mail archives');
  }
  if (options.maxAttendees !== undefined) {
    if (format !== 'ical') throw invalid('max-attendees', options.maxAttendees, 'applies to calendars (ical) only');
    if (!Number.isInteger(options.maxAttendees) || options.maxAttendees < 1) throw invalid('max-attendees', options.maxAttendees, 'expected a whole number of 1 or more');
  }
  if (options.since !== undefined) {
    if (format !== 'ical') throw invalid('since', options.since, 'applies to calendars (ical) only');
    const since = parseDate(options.since, 'since', now);
    if (since > isoDay(now)) throw invalid('since', options.since, 'is after today; a calendar import takes events that have happened');
    return { ...options, since };
  }
  return options;
}

function fingerprintOf(r: ImportedPerson): string {
  return createHash('sha1').update(JSON.stringify({ ...r, line: 0 })).digest('hex');
}

/** The "connected" interaction a record implies (LinkedIn's Connected On), if any. */
function connectionOf(source: string, r: ImportedPerson): InteractionFields | null {
  if (!r.connectedOn) return null;
  return {
    kind: 'other',
    occurredAt: new Date(r.connectedOn + 'T12:00:00.000Z').toISOString(),
    durationMinutes: null,
    direction: 'mutual',
    summary: `Connected on ${source === 'linkedin' ? 'LinkedIn' : source}`,
    source,
    externalId: `connected:${r.externalId}`,
  };
}

/** Every value that makes two records the same person (see findByIdentity). */
function identitiesOf(p: NormalizedPerson): string[] {
  return [...p.emails.map((e) => e.value), ...p.phones.map((x) => x.value), ...p.urls.filter((u) => u.kind === 'linkedin').map((u) => u.url)];
}

export class ImportService {
  constructor(private readonly ctx: ServiceContext) {}

  private files(format: ImportFormat, path: string): string[] {
    if (!existsSync(path)) throw invalid('file', path, 'no such file or folder');
    if (statSync(path).isDirectory()) {
      const files = readdirSync(path)
        .filter((n) => FORMATS[format].accepts(n))
        .sort()
        .map((n) => join(path, n));
      if (files.length === 0) throw invalid('folder', path, `holds no ${format} files`);
      return files;
    }
    return [path];
  }

  /**
   * Imports a file or folder. Each record is committed on its own (a bad record is
   * reported and the rest go on; an interrupted import keeps the records before it,
   * each whole). A dry run does the same work in one transaction and rolls it back.
   */
  async run(formatName: string, path: string, options: ImportOptions = {}, progress: ProgressReporter = () => {}): Promise<ImportReport> {
    // A file with nothing in it is a wrong export, not an import of nobody.
    if (existsSync(path) && statSync(path).isFile() && statSync(path).size === 0) throw invalid('file', basename(path), 'is empty');
    return rejectUnreadable(await this.runFormat(formatName, path, options, progress));
  }

  /**
   * The format a request will import as (detected for auto) and its options, checked:
   * the server asks before it starts a background job, so that a bad request is
   * answered at once instead of by a failed job.
   */
  resolve(formatName: string, path: string, options: ImportOptions = {}): { format: (typeof IMPORT_FORMATS)[number]; options: ImportOptions } {
    if (formatName !== 'auto' && !(IMPORT_FORMATS as readonly string[]).includes(formatName)) {
      throw invalid('format', formatName, `expected one of ${IMPORT_FORMATS.join(', ')} or auto`);
    }
    let format = formatName as (typeof IMPORT_FORMATS)[number];
    if (formatName === 'auto') {
      if (!existsSync(path) || statSync(path).isDirectory()) throw invalid('file', basename(path), 'auto needs a single file; name the format for a folder');
      const detected = detectFormat(path);
      if (!detected) throw invalid('file', basename(path), `cannot tell its format; name it: ${IMPORT_FORMATS.join(', ')}`);
      format = detected;
    }
    return { format, options: checkOptions(format, options, this.ctx.now()) };
  }

  private async runFormat(formatName: string, path: string, options: ImportOptions, progress: ProgressReporter): Promise<ImportReport> {
    const { format, options: checked } = this.resolve(formatName, path, options);
    if (format === 'mbox' || format === 'maildir') return new MailImportService(this.ctx).run(format, path, checked, progress);
    if (format === 'ical') return new CalendarImportService(this.ctx).run(path, checked, progress);
    if (/\.zip$/i.test(path) && existsSync(path) && statSync(path).isFile()) return this.fromZip(format, path, options, progress);
    const files = this.files(format, path);
    const report = emptyReport(format, files, Boolean(options.dryRun));
    const total = files.reduce((sum, f) => sum + statSync(f).size, 0);
    const heap = new HeapCeiling();
    const work = async (perRecord: (fn: (repos: Repositories) => Promise<void>) => Promise<void>) => {
      let before = 0;
      for (const file of files) {
        // New people are written a batch at a time, each batch's transaction reading
        // its records from the file a part at a time; anything that touches someone
        // already known goes through the record-at-a-time path after its batch, and so
        // does a LinkedIn message or invitation, which ends the batch before it.
        const items = FORMATS[format].parse(file, (offset) => progress('importing', before + offset, total))[Symbol.asyncIterator]();
        let ended = false;
        let carried: ParsedItem | undefined;
        const records = async (max: number): Promise<ImportedPerson[]> => {
          const part: ImportedPerson[] = [];
          while (part.length < max && !ended && !carried) {
            const next = await items.next();
            if (next.done) ended = true;
            else if (next.value.kind === 'record') part.push(next.value.record);
            else if (next.value.kind === 'interaction') carried = next.value;
            else await this.consume(next.value, file, format, report, perRecord);
          }
          return part;
        };
        while (!ended || carried) {
          if (!carried) {
            await this.applyBatch(records, file, format, report, perRecord);
            heap.betweenBatches();
          }
          if (carried) {
            const item = carried;
            carried = undefined;
            await this.consume(item, file, format, report, perRecord);
          }
        }
        before += statSync(file).size;
      }
    };
    await runImport(this.ctx.store, Boolean(options.dryRun), work);
    progress('importing', total, total);
    return report;
  }

  /** An export as downloaded: its entries for this format are unpacked to a temporary folder and imported from there. */
  private async fromZip(format: ImportFormat, zip: string, options: ImportOptions, progress: ProgressReporter): Promise<ImportReport> {
    const folder = mkdtempSync(join(tmpdir(), 'kith-import-'));
    try {
      let entries: string[];
      try {
        entries = await extractEntries(zip, folder, FORMATS[format].accepts);
      } catch (error) {
        throw invalid('file', zip, `cannot read the ZIP archive: ${(error as Error).message.split('\n')[0]}`);
      }
      if (entries.length === 0) throw invalid('file', zip, `holds no ${format} files`);
      const report = await this.runFormat(format, folder, options, progress);
      return { ...report, files: [zip] };
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }

  private async consume(item: ParsedItem, file: string, format: ImportFormat, report: ImportReport, perRecord: PerRecord, normalized?: NormalizedPerson): Promise<void> {
    const name = basename(file);
    if (item.kind === 'skip') {
      report.skipped++;
      return;
    }
    if (item.kind === 'error') {
      addFailure(report, name, item.line, item.reason);
      return;
    }
    report.records++;
    try {
      await perRecord(async (repos) => {
        const outcome =
          item.kind === 'interaction'
            ? await this.applyInteraction(repos, FORMATS[format].source, item.record)
            : await this.apply(repos, FORMATS[format].source, item.record, name, report, normalized);
        report[outcome]++;
      });
    } catch (error) {
      if (error instanceof DryRunRollback) throw error;
      if (!(error instanceof KithError)) throw error;
      addFailure(report, name, item.record.line, error.message);
    }
  }

  /**
   * Writes a batch's new people in one transaction, reading the batch's records a
   * part at a time (so that each part's objects die young, where a whole batch's
   * lived long enough to be copied to the old generation). A record already imported
   * unchanged is skipped; one that matches someone known (by source id or identity),
   * or an earlier record of the same batch, is applied on its own afterwards.
   */
  private async applyBatch(records: (max: number) => Promise<ImportedPerson[]>, file: string, format: ImportFormat, report: ImportReport, perRecord: PerRecord): Promise<void> {
    const name = basename(file);
    const source = FORMATS[format].source;
    const later: Array<{ record: ImportedPerson; person?: NormalizedPerson }> = [];
    const now = this.ctx.now().toISOString();
    // No transaction for a batch with no records (a run of LinkedIn messages).
    let part = await records(PART_SIZE);
    if (part.length === 0) return;
    await perRecord(async (repos) => {
      const region = await phoneRegion(repos);
      const seenIds = new Set<string>();
      for (let taken = 0; part.length > 0; ) {
        await this.applyPart(repos, part, { name, source, region, now, report, seenIds, later });
        taken += part.length;
        part = taken < BATCH_SIZE ? await records(Math.min(PART_SIZE, BATCH_SIZE - taken)) : [];
      }
    });
    for (const { record, person } of later) await this.consume({ kind: 'record', record }, file, format, report, perRecord, person);
  }

  /** A part of a batch: its new people written table by table, the rest set aside for later. */
  private async applyPart(
    repos: Repositories,
    records: ImportedPerson[],
    batch: { name: string; source: string; region: string; now: string; report: ImportReport; seenIds: Set<string>; later: Array<{ record: ImportedPerson; person?: NormalizedPerson }> },
  ): Promise<void> {
    const { name, source, region, now, report, seenIds, later } = batch;
    const known = await repos.batches.sources(source, records.map((r) => r.externalId));
    const fresh: Array<{ record: ImportedPerson; person: NormalizedPerson; fingerprint: string }> = [];
    for (const record of records) {
      const fingerprint = fingerprintOf(record);
      const before = known.get(record.externalId);
      if (before?.fingerprint === fingerprint && !seenIds.has(record.externalId)) {
        report.records++;
        report.skipped++;
        continue;
      }
      if (before || seenIds.has(record.externalId) || /^urn:uuid:/i.test(record.externalId)) {
        later.push({ record });
        continue;
      }
      seenIds.add(record.externalId);
      try {
        fresh.push({ record, person: this.normalize(region, record, name, report), fingerprint });
      } catch (error) {
        if (!(error instanceof KithError)) throw error;
        report.records++;
        addFailure(report, name, record.line, error.message);
      }
    }
    const taken = await repos.batches.takenIdentities(
      fresh.flatMap((f) => f.person.emails.map((e) => e.value)),
      fresh.flatMap((f) => f.person.phones.map((p) => p.value)),
      fresh.flatMap((f) => f.person.urls.map((u) => u.url)),
    );
    const connections = fresh.map((f) => connectionOf(source, f.record));
    const knownConnections = await repos.batches.knownInteractions(source, connections.flatMap((c) => (c?.externalId ? [c.externalId] : [])));
    const creating: Array<{ record: ImportedPerson; person: NormalizedPerson; fingerprint: string; connection: InteractionFields | null }> = [];
    for (const [i, f] of fresh.entries()) {
      const identities = identitiesOf(f.person);
      const connection = connections[i]!;
      if (identities.some((v) => taken.has(v)) || (connection && knownConnections.has(connection.externalId!))) {
        later.push(f);
        continue;
      }
      for (const v of identities) taken.add(v);
      creating.push({ ...f, connection });
    }
    if (creating.length === 0) return;
    const tagIds = await repos.tags.ensure([...new Set(creating.flatMap((c) => c.person.tags))], newId, now);
    const companies = [...new Set(creating.flatMap((c) => (c.person.company ? [normalizeOrganizationName(c.person.company)] : [])))];
    const orgIds = await repos.batches.organizationIds(companies, newId, now);
    const newPeople: NewPersonRecord[] = creating.map(({ record, person, fingerprint, connection }) => ({
      id: newId(),
      person,
      position: person.company ? { id: newId(), organizationId: orgIds.get(normalizeOrganizationName(person.company))! } : null,
      tagIds: person.tags.map((t) => tagIds.get(t)!),
      source: { source, externalId: record.externalId, fingerprint },
      photo: record.photo ?? null,
      note: record.note?.trim() ? { id: newId(), body: record.note.trim() } : null,
      interaction: connection ? { id: newId(), fields: connection, stats: addInteraction(EMPTY_STATS, { ...connection, role: 'participant' }) } : null,
    }));
    await repos.batches.insert(newPeople, now);
    await repos.search.reindex(newPeople.map((p) => p.id), { added: true });
    report.records += creating.length;
    report.created += creating.length;
  }

  /** Normalises what can be, keeping what cannot as custom fields so that nothing is lost. */
  private normalize(region: string, r: ImportedPerson, file: string, report: ImportReport): NormalizedPerson {
    const kept: Record<string, string[]> = {};
    const keep = (field: string, value: string, reason: string) => {
      (kept[field] ??= []).push(value);
      if (report.warnings.length < MAX_FAILURES_KEPT) report.warnings.push({ file, line: r.valueLines?.[value] ?? r.line, reason: `kept ${field} ${JSON.stringify(value)} as text: ${reason}` });
    };
    const attempt = <T>(field: string, raw: string, fn: () => T): T | undefined => {
      try {
        return fn();
      } catch (error) {
        keep(field, raw, error instanceof KithError ? error.message.replace(/^invalid [^"]+"[^"]*": /, '') : 'unreadable');
        return undefined;
      }
    };
    const labelled = (list: Array<string | LabelledValue> | undefined, field: string, fn: (v: string) => string): LabelledValue[] => {
      const out: LabelledValue[] = [];
      for (const entry of list ?? []) {
        const e = splitLabel(entry);
        if (!e.value) continue;
        const value = attempt(field, e.value, () => fn(e.value));
        if (value && !out.some((o) => o.value === value)) out.push({ value, label: e.label });
      }
      return out;
    };
    // The source's display name is kept as written; only missing parts are derived.
    const display = (r.name ?? '').trim().replace(/\s+/g, ' ');
    if (!display) throw invalid('name', r.name ?? '', 'a record needs a name');
    const names = splitName(display.replace(/,/g, ' '));
    names.displayName = display;
    const urls: PersonUrl[] = [];
    for (const u of r.urls ?? []) {
      const url = attempt('url', u, () => normalizeUrl(u));
      if (url && !urls.some((x) => x.url === url)) urls.push({ url, kind: urlKind(url) });
    }
    const tags: string[] = [];
    for (const t of r.tags ?? []) {
      const tag = attempt('tag', t, () => normalizeTag(t));
      if (tag && !tags.includes(tag)) tags.push(tag);
    }
    const person: NormalizedPerson = {
      fields: {
        name: names.displayName,
        givenName: r.givenName?.trim() || names.givenName,
        familyName: r.familyName?.trim() || names.familyName,
        nickname: r.nickname?.trim() || null,
        pronouns: null,
        location: r.location?.trim() || null,
        birthday: r.birthday ? (attempt('birthday', r.birthday, () => parseBirthday(r.birthday!)) ?? null) : null,
        howMet: null,
        metOn: r.metOn ? (attempt('met-on', r.metOn, () => parseDate(r.metOn!, 'met-on')) ?? null) : null,
        introducedById: null,
        tier: null,
        customFields: {},
      },
      emails: labelled(r.emails, 'email', (v) => normalizeEmail(v)),
      phones: labelled(r.phones, 'phone', (v) => normalizePhone(v, region)),
      urls,
      tags,
      company: r.company?.trim() || null,
      title: r.title?.trim() || null,
    };
    const extras: Record<string, string[]> = {};
    for (const { field, value } of r.extras ?? []) if (!extras[field]?.includes(value)) (extras[field] ??= []).push(value);
    for (const [field, values] of Object.entries(extras)) person.fields.customFields[field] = values.join('; ');
    for (const [field, values] of Object.entries(kept)) person.fields.customFields[`imported ${field}`] = values.join('; ');
    return person;
  }

  private async apply(repos: Repositories, source: string, r: ImportedPerson, file: string, report: ImportReport, normalized?: NormalizedPerson): Promise<'created' | 'updated' | 'merged' | 'skipped'> {
    const now = this.ctx.now().toISOString();
    const fingerprint = fingerprintOf(r);
    const known = await repos.imports.personFor(source, r.externalId);
    // The same record as last time: nothing to do, which keeps re-imports idempotent
    // even when several sources disagree about one person.
    if (known && known.fingerprint === fingerprint) return 'skipped';
    const person = normalized ?? (await this.normalize(await phoneRegion(repos), r, file, report));
    let personId = known?.personId;
    // A vCard that Kith exported names the person by id.
    const kithUid = /^urn:uuid:([0-9a-f-]{36})$/i.exec(r.externalId)?.[1]?.toLowerCase();
    if (!personId && kithUid && (await repos.people.existingIds([kithUid])).size > 0) personId = kithUid;
    let matched: 'source' | 'identity' | null = personId ? 'source' : null;
    if (!personId) {
      personId = await this.findByIdentity(repos, person);
      if (personId) matched = 'identity';
    }
    let changed = false;
    if (!personId) {
      personId = await insertPerson(repos, person, now);
      if (r.note?.trim()) await repos.notes.insert(newId(), r.note.trim(), [personId], now);
      changed = true;
    } else {
      changed = await this.mergeInto(repos, personId, person, now);
    }
    await repos.imports.link(source, r.externalId, personId, fingerprint, now);
    if (r.photo && !(await repos.imports.hasPhoto(personId))) await repos.imports.setPhoto(personId, r.photo.mediaType, r.photo.data);
    const connection = connectionOf(source, r);
    if (connection) {
      const participants = [{ personId, role: 'participant' }];
      const { created } = await repos.interactions.insert(newId(), connection, participants, now);
      if (created) await recordInteraction(repos, participants, connection);
    }
    if (changed) await repos.search.reindex([personId]);
    if (!matched) return 'created';
    if (matched === 'identity') return 'merged';
    return changed ? 'updated' : 'skipped';
  }

  /** People named by profile URL, else by exact name when exactly one person has it. */
  private async peopleFor(repos: Repositories, profileUrls: string[], names: string[]): Promise<string[]> {
    const ids = new Set<string>();
    for (const u of profileUrls) {
      try {
        for (const id of await repos.people.idsByUrl(normalizeUrl(u))) ids.add(id);
      } catch {
        // an unreadable URL identifies nobody
      }
    }
    if (ids.size === 0) {
      for (const n of names) {
        const found = await repos.people.idsByName(nameKeyOf(n.trim()), 'exact', false, 2);
        if (found.length === 1) ids.add(found[0]!);
      }
    }
    return [...ids];
  }

  /**
   * A message or invitation with connections already known. You are whoever is not
   * a known person: a known sender means it came to you, otherwise you sent it.
   */
  private async applyInteraction(repos: Repositories, source: string, r: ImportedInteraction): Promise<'created' | 'skipped'> {
    const senders = await this.peopleFor(repos, r.senderUrls, r.senderNames);
    const outgoing = r.outgoing ?? senders.length === 0;
    const people = outgoing ? await this.peopleFor(repos, r.recipientUrls, r.recipientNames) : senders;
    if (people.length === 0) return 'skipped';
    const participants = people.map((personId) => ({ personId, role: 'participant' }));
    const direction = outgoing ? 'outbound' : 'inbound';
    const { created } = await repos.interactions.insert(
      newId(),
      { kind: r.interactionKind, occurredAt: r.occurredAt, durationMinutes: null, direction, summary: null, source, externalId: r.externalId },
      participants,
      this.ctx.now().toISOString(),
    );
    if (!created) return 'skipped';
    await recordInteraction(repos, participants, { kind: r.interactionKind, occurredAt: r.occurredAt, direction });
    return 'created';
  }

  /** Same person when an email, an E.164 phone or a profile URL matches. */
  private async findByIdentity(repos: Repositories, person: NormalizedPerson): Promise<string | undefined> {
    const owners = await repos.people.emailOwners(person.emails.map((e) => e.value));
    if (owners.size > 0) return [...owners.values()][0];
    for (const p of person.phones) {
      const [id] = await repos.people.idsByPhone(p.value);
      if (id) return id;
    }
    for (const u of person.urls.filter((x) => x.kind === 'linkedin')) {
      const [id] = await repos.people.idsByUrl(u.url);
      if (id) return id;
    }
    return undefined;
  }

  /**
   * Adds what the record knows and the person lacks, never overwriting what is
   * there; a different company or title is a job change: the old position ends today.
   */
  private async mergeInto(repos: Repositories, personId: string, incoming: NormalizedPerson, now: string): Promise<boolean> {
    const [current] = await repos.people.hydrate([personId]);
    if (!current) return false;
    let changed = false;
    const owners = await repos.people.emailOwners(incoming.emails.map((e) => e.value));
    const newEmails = incoming.emails.filter((e) => !owners.has(e.value));
    if (newEmails.length) {
      await repos.people.replaceEmails(personId, [...current.contacts.emails, ...newEmails]);
      changed = true;
    }
    const newPhones = incoming.phones.filter((p) => !current.phones.includes(p.value));
    if (newPhones.length) {
      await repos.people.replacePhones(personId, [...current.contacts.phones, ...newPhones]);
      changed = true;
    }
    const newUrls = incoming.urls.filter((u) => !current.urls.some((c) => c.url === u.url));
    if (newUrls.length) {
      await repos.people.replaceUrls(personId, [...current.urls, ...newUrls]);
      changed = true;
    }
    const newTags = incoming.tags.filter((t) => !current.tags.includes(t));
    if (newTags.length) {
      await repos.tags.attach(personId, [...(await repos.tags.ensure(newTags, newId, now)).values()]);
      changed = true;
    }
    const fill: Record<string, string | null> = {};
    const f = incoming.fields;
    if (!current.nickname && f.nickname) fill.nickname = f.nickname;
    if (!current.location && f.location) fill.location = f.location;
    if (!current.birthday && f.birthday) fill.birthday = f.birthday;
    if (!current.metOn && f.metOn) fill.metOn = f.metOn;
    const custom = { ...f.customFields, ...current.customFields };
    const customChanged = Object.keys(custom).length !== Object.keys(current.customFields).length;
    if (Object.keys(fill).length || customChanged) {
      await repos.people.update(personId, { ...fill, ...(customChanged ? { customFields: custom } : {}) }, now);
      changed = true;
    }
    if (incoming.company) {
      const sameCompany = current.company?.toLowerCase() === incoming.company.toLowerCase();
      const sameTitle = !incoming.title || current.title === incoming.title;
      const open = (await repos.positions.listForPerson(personId)).find((p) => p.current);
      if (sameCompany && open && !current.title && incoming.title) {
        // A title for the job we already knew of is news, not a job change.
        await repos.positions.update(open.id, { title: incoming.title });
        changed = true;
      } else if (!sameCompany || !sameTitle) {
        const today = now.slice(0, 10);
        if (open) await repos.positions.update(open.id, { endDate: today });
        const orgId = await findOrCreateOrganization(repos, incoming.company, now);
        await repos.positions.insert(newId(), { personId, organizationId: orgId, title: incoming.title, startDate: open ? today : null, endDate: null }, now);
        changed = true;
      }
    }
    return changed;
  }
}
