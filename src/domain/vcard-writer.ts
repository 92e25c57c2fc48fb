import type { Person } from './person.js';

/** Escapes a vCard TEXT value: a component of a compound value (N, ADR, ORG), or any text in 3.0. */
function esc(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/,/g, '\\,').replace(/;/g, '\\;');
}

/**
 * Escapes a TEXT value that is not compound. vCard 3.0 escapes a semicolon in any
 * text (RFC 2426); 4.0 only where it would separate components, and readers of
 * 4.0 keep a "\;" elsewhere as written (RFC 6350, 3.4).
 */
function escText(value: string, version: '3.0' | '4.0'): string {
  return version === '3.0' ? esc(value) : value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/,/g, '\\,');
}

/** Folds a content line at 75 octets without splitting a UTF-8 character. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    const limit = out.length === 0 ? 75 : 74;
    if (bytes + size > limit) {
      out.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

/**
 * A custom field, which vCard has no property for: its name and value as the two
 * components of one property, so that a re-import gives it back under its name.
 */
export const KITH_FIELD = 'X-KITH-FIELD';

/** What a vCard carries beyond the person record itself. */
export interface VcardExtras {
  /** Base64 image data and its media type, as imported. */
  photo?: { mediaType: string; data: string } | null;
  /** The bodies of the notes about the person, oldest first. */
  notes?: string[];
}

/** 3.0 names the image type alone (JPEG); 4.0 takes a data URI. */
function photoLine(photo: { mediaType: string; data: string }, version: '3.0' | '4.0'): string {
  if (version === '4.0') return `PHOTO:data:${photo.mediaType};base64,${photo.data}`;
  const subtype = (photo.mediaType.split('/')[1] ?? 'jpeg').replace(/[^a-z0-9.+-]/gi, '').toUpperCase() || 'JPEG';
  return `PHOTO;ENCODING=b;TYPE=${subtype}:${photo.data}`;
}

/** One person as a vCard 3.0 or 4.0, with the Kith id as UID so that re-imports find them. */
export function personToVcard(p: Person, version: '3.0' | '4.0', extras: VcardExtras = {}): string {
  const type = (label: string | null) => (label ? `;TYPE=${label.replace(/[^a-z0-9-]/gi, '').toLowerCase() || 'other'}` : '');
  const text = (value: string) => escText(value, version);
  const lines = ['BEGIN:VCARD', `VERSION:${version}`, `UID:urn:uuid:${p.id}`, `FN:${text(p.name)}`, `N:${esc(p.familyName ?? '')};${esc(p.givenName ?? '')};;;`];
  if (p.nickname) lines.push(`NICKNAME:${text(p.nickname)}`);
  for (const e of p.contacts.emails) lines.push(`EMAIL${type(e.label)}:${e.value}`);
  for (const t of p.contacts.phones) lines.push(`TEL${type(t.label)}:${t.value}`);
  if (p.company) lines.push(`ORG:${esc(p.company)}`);
  if (p.title) lines.push(`TITLE:${text(p.title)}`);
  if (p.birthday) lines.push(`BDAY:${p.birthday}`);
  for (const u of p.urls) lines.push(`URL:${u.url}`);
  if (p.tags.length) lines.push(`CATEGORIES:${p.tags.map(text).join(',')}`);
  if (p.location) lines.push(`ADR:;;;${esc(p.location)};;;`);
  for (const [field, value] of Object.entries(p.customFields)) lines.push(`${KITH_FIELD}:${esc(field)};${esc(value)}`);
  if (extras.notes?.length) lines.push(`NOTE:${text(extras.notes.join('\n\n'))}`);
  if (extras.photo) lines.push(photoLine(extras.photo, version));
  lines.push('END:VCARD');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

// New columns go at the end, so that sheets and scripts reading the earlier ones by position still work.
const CSV_COLUMNS = ['id', 'name', 'given_name', 'family_name', 'nickname', 'emails', 'phones', 'company', 'title', 'tier', 'tags', 'location', 'birthday', 'met_on', 'last_contact_at', 'urls', 'how_met', 'custom_fields'] as const;

function csvCell(value: string | null): string {
  const v = value ?? '';
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function csvHeader(): string {
  return CSV_COLUMNS.join(',') + '\r\n';
}

/** One person as a CSV row; lists are joined with "; ", custom fields are one JSON object. */
export function personToCsv(p: Person): string {
  const custom = Object.keys(p.customFields).length > 0 ? JSON.stringify(p.customFields) : null;
  const values = [p.id, p.name, p.givenName, p.familyName, p.nickname, p.emails.join('; '), p.phones.join('; '), p.company, p.title, p.tier, p.tags.join('; '), p.location, p.birthday, p.metOn, p.lastContactAt, p.urls.map((u) => u.url).join('; '), p.howMet, custom];
  return values.map(csvCell).join(',') + '\r\n';
}
