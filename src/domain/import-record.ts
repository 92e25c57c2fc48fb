import type { LabelledValue } from './person.js';

/**
 * What every importer yields: one person as the source describes it, values still
 * raw (the pipeline normalises and validates them), with where it came from.
 */
export interface ImportedPerson {
  /** The source's own id for the record, stable across exports; the pipeline keys idempotence on it. */
  externalId: string;
  /** 1-based line (or record number) where the record starts, for reports. */
  line: number;
  name: string | null;
  givenName?: string | null;
  familyName?: string | null;
  nickname?: string | null;
  emails?: Array<string | LabelledValue>;
  phones?: Array<string | LabelledValue>;
  urls?: string[];
  company?: string | null;
  title?: string | null;
  location?: string | null;
  birthday?: string | null;
  metOn?: string | null;
  tags?: string[];
  note?: string | null;
  photo?: { mediaType: string; data: string } | null;
  /** An interaction the record implies, such as LinkedIn's "connected on". */
  connectedOn?: string | null;
  /**
   * What the source holds that Kith has no field for (a relation, an anniversary, a
   * second address), under the source's own name for it: kept as custom fields, so
   * that an import loses nothing.
   */
  extras?: Array<{ field: string; value: string }>;
  /** Where a record spans lines (a vCard): the line of each value, so that a warning names it. */
  valueLines?: Record<string, number>;
}

export interface ImportFailure {
  file: string;
  line: number;
  reason: string;
}

export interface ImportReport {
  format: string;
  files: string[];
  dryRun: boolean;
  records: number;
  created: number;
  updated: number;
  merged: number;
  skipped: number;
  failed: number;
  failures: ImportFailure[];
  /** Values kept aside because they could not be normalised (they are stored as custom fields). */
  warnings: ImportFailure[];
  /** What the user should know about the import as a whole, such as records left out by a default they can change. */
  notes: string[];
}

/** Who a mail archive or a calendar may add as a new person. */
export const NEW_PEOPLE = ['two-way', 'all', 'none'] as const;
export type NewPeople = (typeof NEW_PEOPLE)[number];

export interface ImportOptions {
  /** Do all the work, report it, write nothing. */
  dryRun?: boolean;
  /**
   * Mail: correspondents you wrote to and heard from (two-way, the default), everyone
   * you exchanged mail with (all), or nobody (none). Calendars: nobody (none, the
   * default: events with no known participant are skipped) or every attendee (all).
   */
  newPeople?: NewPeople;
  /** Calendars: events with more attendees than this are skipped (default 20). */
  maxAttendees?: number;
  /** Calendars: the first day events are taken from, YYYY-MM-DD (default two years before today). */
  since?: string;
}

/** Failures (and warnings) a report lists: past this many it only counts them, so that a bad file cannot fill memory. */
export const MAX_FAILURES_KEPT = 1000;

/** Counts a failure and lists it while the report has room; line, if a function, is asked for only then. */
export function addFailure(report: ImportReport, file: string, line: number | (() => number), reason: string): void {
  report.failed++;
  if (report.failures.length < MAX_FAILURES_KEPT) report.failures.push({ file, line: typeof line === 'number' ? line : line(), reason });
}

export function emptyReport(format: string, files: string[], dryRun: boolean): ImportReport {
  return { format, files, dryRun, records: 0, created: 0, updated: 0, merged: 0, skipped: 0, failed: 0, failures: [], warnings: [], notes: [] };
}

/** Raised by a parser for input it cannot read at all; carries file and line. */
export class ImportParseError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
    this.name = 'ImportParseError';
  }
}

/** An interaction a source records between you and people identified by profile URL or name. */
export interface ImportedInteraction {
  externalId: string;
  line: number;
  occurredAt: string;
  interactionKind: 'message';
  senderUrls: string[];
  senderNames: string[];
  recipientUrls: string[];
  recipientNames: string[];
  /** Whether you sent it, when the source says so (invitations); otherwise inferred. */
  outgoing: boolean | null;
}

export type ParsedItem =
  | { kind: 'record'; record: ImportedPerson }
  | { kind: 'interaction'; record: ImportedInteraction }
  | { kind: 'error'; line: number; reason: string }
  /** A row with nothing to import, such as a LinkedIn connection whose profile is hidden. */
  | { kind: 'skip'; line: number; reason: string };
