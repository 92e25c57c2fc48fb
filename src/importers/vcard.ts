import { createHash } from 'node:crypto';
import type { ImportedPerson, ParsedItem } from '../domain/import-record.js';
import type { LabelledValue } from '../domain/person.js';
import { KITH_FIELD } from '../domain/vcard-writer.js';
import type { Line } from './lines.js';
import { decodeBytes, decodeQuotedPrintable } from './text-decoding.js';

/**
 * vCard 2.1, 3.0 and 4.0, streamed card by card: line folding, QUOTED-PRINTABLE with
 * soft line breaks and CHARSET, escapes, grouped properties with Apple's X-ABLabel,
 * bare 2.1 parameters (TEL;CELL;PREF), embedded photos, any letter case.
 */
export interface VcardProperty {
  group: string | null;
  name: string;
  params: Map<string, string[]>;
  /** Decoded text, escapes still in place (structured values split on them). */
  value: string;
  line: number;
}

const MAX_CARD_LINES = 100_000;

function parseProperty(logical: string, line: number): VcardProperty | undefined {
  // The value starts at the first colon outside a quoted parameter value.
  let inQuotes = false;
  let colon = -1;
  for (let i = 0; i < logical.length; i++) {
    const c = logical[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (c === ':' && !inQuotes) {
      colon = i;
      break;
    }
  }
  if (colon <= 0) return undefined;
  const head = logical.slice(0, colon);
  const rawValue = logical.slice(colon + 1);
  const parts = head.split(';');
  const nameWithGroup = parts[0]!.trim();
  const dot = nameWithGroup.lastIndexOf('.');
  const group = dot > 0 ? nameWithGroup.slice(0, dot).toLowerCase() : null;
  const name = (dot > 0 ? nameWithGroup.slice(dot + 1) : nameWithGroup).toUpperCase();
  const params = new Map<string, string[]>();
  for (const part of parts.slice(1)) {
    const eq = part.indexOf('=');
    // vCard 2.1 allows bare types: TEL;CELL;PREF
    const key = (eq < 0 ? 'TYPE' : part.slice(0, eq)).trim().toUpperCase();
    const values = (eq < 0 ? part : part.slice(eq + 1)).split(',').map((v) => v.trim().replace(/^"|"$/g, ''));
    if (eq < 0 && ['QUOTED-PRINTABLE', 'BASE64', 'B', '8BIT'].includes(values[0]!.toUpperCase())) {
      params.set('ENCODING', values);
      continue;
    }
    params.set(key, [...(params.get(key) ?? []), ...values]);
  }
  const encoding = params.get('ENCODING')?.[0]?.toUpperCase();
  const charset = params.get('CHARSET')?.[0] ?? null;
  let value: string;
  if (encoding === 'QUOTED-PRINTABLE') value = decodeBytes(decodeQuotedPrintable(rawValue), charset);
  else if (encoding === 'B' || encoding === 'BASE64') value = rawValue.replace(/\s+/g, '');
  else value = decodeBytes(rawValue, charset);
  return { group, name, params, value, line };
}

/** Splits a structured value on unescaped separators and removes the escapes. */
export function splitValue(value: string, separator: ';' | ','): string[] {
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '\\' && i + 1 < value.length) {
      const next = value[i + 1]!;
      current += next === 'n' || next === 'N' ? '\n' : next;
      i++;
    } else if (c === separator) {
      out.push(current);
      current = '';
    } else current += c;
  }
  out.push(current);
  return out.map((s) => s.trim());
}

/** A TEXT value with its escapes (\\n, \\, and friends) resolved. */
function text(value: string): string {
  return value.replace(/\\([nN]|.)/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c)).trim();
}

const LABEL_TYPES: Record<string, string> = { work: 'work', home: 'home', cell: 'mobile', mobile: 'mobile', iphone: 'mobile', fax: 'fax', pager: 'pager', main: 'main', other: 'other' };

/** Types that say how a value is used, not what it is to the person. */
const TECHNICAL_TYPES = ['pref', 'voice', 'internet', 'x400', 'postal', 'parcel', 'dom', 'intl'];

/**
 * A property's label: Apple's X-ABLabel, else its first known type (work, home,
 * mobile); with anyType, for custom fields, its first type that is not technical.
 */
function labelOf(p: VcardProperty, groupLabels: Map<string, string>, anyType = false): string | null {
  if (p.group && groupLabels.has(p.group)) return groupLabels.get(p.group)!;
  const types = (p.params.get('TYPE') ?? []).map((t) => t.toLowerCase());
  for (const t of types) if (LABEL_TYPES[t]) return LABEL_TYPES[t]!;
  return anyType ? (types.find((t) => t && !TECHNICAL_TYPES.includes(t)) ?? null) : null;
}

function birthday(value: string): string | null {
  const v = value.trim();
  let m = /^(\d{4})-?(\d{2})-?(\d{2})/.exec(v);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  m = /^--(\d{2})-?(\d{2})/.exec(v);
  if (m) return `--${m[1]}-${m[2]}`;
  return v || null;
}

/** Properties about the card or the file rather than the person, and those read into fields. */
const CARD_PROPERTIES = new Set(['BEGIN', 'END', 'VERSION', 'PRODID', 'REV', 'UID', 'X-ABLABEL', 'X-ABUID', 'X-ABSHOWAS', 'CLIENTPIDMAP', 'KIND']);
const READ_PROPERTIES = new Set(['FN', 'N', 'EMAIL', 'TEL', 'URL', 'CATEGORIES', 'NOTE']);
/** Friendlier names for what is kept as custom fields; others go by their own. */
const FIELD_NAMES: Record<string, string> = {
  ADR: 'address', ORG: 'organization', TITLE: 'title', BDAY: 'birthday', NICKNAME: 'nickname', PHOTO: 'photo', IMPP: 'im', TZ: 'time zone',
  LANG: 'language', 'X-SOCIALPROFILE': 'social profile', 'X-ABRELATEDNAMES': 'related', 'X-ABDATE': 'date', LABEL: 'address label',
};

export function cardToPerson(props: VcardProperty[], line: number): ImportedPerson | { error: string } {
  const groupLabels = new Map<string, string>();
  for (const p of props) {
    if (p.name === 'X-ABLABEL' && p.group) {
      groupLabels.set(p.group, text(p.value).replace(/^_\$!<(.*)>!\$_$/, '$1').toLowerCase());
    }
  }
  // Every property not read into a field below is kept as a custom field.
  const unread = new Set(props.filter((p) => !CARD_PROPERTIES.has(p.name) && !READ_PROPERTIES.has(p.name)));
  const first = (name: string) => {
    const found = props.find((p) => p.name === name);
    if (found) unread.delete(found);
    return found;
  };
  const fn = first('FN') ? text(first('FN')!.value) : '';
  const n = first('N') ? splitValue(first('N')!.value, ';') : [];
  const [family = '', given = '', middle = '', prefix = '', suffix = ''] = n;
  const orgParts = first('ORG') ? splitValue(first('ORG')!.value, ';') : [];
  const org = orgParts[0] ?? '';
  // Values that may not normalise, by the line they are on, for the report's warnings.
  const valueLines: Record<string, number> = {};
  const at = (p: VcardProperty, value: string) => {
    valueLines[value] ??= p.line;
    return value;
  };
  const emails: LabelledValue[] = props.filter((p) => p.name === 'EMAIL').map((p) => ({ value: at(p, text(p.value).replace(/^mailto:/i, '')), label: labelOf(p, groupLabels) }));
  const phones: LabelledValue[] = props.filter((p) => p.name === 'TEL').map((p) => ({ value: at(p, text(p.value).replace(/^tel:/i, '')), label: labelOf(p, groupLabels) }));
  const urls = props.filter((p) => p.name === 'URL').map((p) => at(p, text(p.value))).filter(Boolean);
  const name = fn || [given, family].filter(Boolean).join(' ') || org || (emails[0]?.value.split('@')[0] ?? '');
  if (!name.trim() && phones.length === 0) return { error: 'card has no name, email or phone' };
  const adr = first('ADR') ? splitValue(first('ADR')!.value, ';') : [];
  const location = [adr[3], adr[4], adr[6]].filter((x) => x && x.trim()).join(', ') || null;
  const photoProp = props.find((p) => p.name === 'PHOTO' && embedded(p));
  let photo: ImportedPerson['photo'] = null;
  if (photoProp) {
    unread.delete(photoProp);
    const dataUri = /^data:([^;,]+)?(?:;base64)?,(.*)$/i.exec(photoProp.value);
    if (dataUri) photo = { mediaType: dataUri[1] ?? 'image/jpeg', data: dataUri[2]!.replace(/\s+/g, '') };
    else {
      const type = (photoProp.params.get('TYPE')?.[0] ?? 'jpeg').toLowerCase();
      photo = { mediaType: type.includes('/') ? type : `image/${type}`, data: photoProp.value };
    }
  }
  const uid = first('UID') ? text(first('UID')!.value) : '';
  // Without a UID, a digest of what identifies the card keeps re-imports idempotent.
  const externalId =
    uid || 'sha1:' + createHash('sha1').update(JSON.stringify([fn, n, emails.map((e) => e.value), phones.map((p) => p.value), org])).digest('hex');
  // A tag cannot hold a comma, and Thunderbird writes its list of categories with the
  // commas escaped (category1\, category2): every comma separates.
  const categories = props
    .filter((p) => p.name === 'CATEGORIES')
    .flatMap((p) => splitValue(p.value, ','))
    .flatMap((c) => c.split(','))
    .map((c) => c.trim());
  const nicknames = props.filter((p) => p.name === 'NICKNAME').flatMap((p) => splitValue(p.value, ',')).filter(Boolean);
  for (const p of props) if (p.name === 'NICKNAME') unread.delete(p);
  const title = first('TITLE') ? text(first('TITLE')!.value) || null : null;
  const bdayProp = first('BDAY');
  const bday = bdayProp ? birthday(text(bdayProp.value)) : null;
  if (bdayProp && bday) at(bdayProp, bday);
  const notes = props.filter((p) => p.name === 'NOTE').map((p) => text(p.value)).filter(Boolean);

  const extras: Array<{ field: string; value: string }> = [];
  const keep = (field: string, value: string | undefined) => {
    if (value?.trim()) extras.push({ field, value: value.trim() });
  };
  // Parts of the name that the display name leaves out.
  for (const [field, part] of [['middle name', middle], ['name prefix', prefix], ['name suffix', suffix]] as const) if (part && !fn.includes(part)) keep(field, part);
  keep('department', orgParts.slice(1).filter(Boolean).join(', '));
  for (const other of nicknames.slice(1)) keep('nickname', other);
  // The whole address, where the location (city, region, country) leaves some out.
  const whole = (parts: string[]) => parts.filter((x) => x && x.trim()).join(', ');
  if (adr.length && whole(adr) !== (location ?? '')) keep(fieldOf(props.find((p) => p.name === 'ADR')!, 'address', groupLabels), whole(adr));
  for (const p of unread) {
    // Other pictures, logos, sounds and keys are binary: no text field can hold them.
    if (embedded(p)) continue;
    if (p.name === KITH_FIELD) {
      const [field = '', value = ''] = splitValue(p.value, ';');
      if (field) keep(field, value);
      continue;
    }
    const value = p.name === 'ADR' || p.name === 'ORG' ? whole(splitValue(p.value, ';')) : p.name === 'BDAY' ? (birthday(text(p.value)) ?? '') : text(p.value);
    // Another form of the birthday (vCard 4.0's ALTID) is the same birthday.
    if (p.name === 'BDAY' && value === bday) continue;
    keep(fieldOf(p, fieldName(p.name), groupLabels), value);
  }
  return {
    externalId,
    line,
    name: name.trim() || phones[0]!.value,
    givenName: given || null,
    familyName: family || null,
    nickname: nicknames[0] ?? null,
    emails,
    phones,
    urls,
    company: org || null,
    title,
    location,
    birthday: bday,
    tags: categories.filter((c) => c && !/^(my contacts|starred in android)$/i.test(c)),
    note: notes.length ? notes.join('\n\n') : null,
    photo,
    ...(extras.length ? { extras } : {}),
    valueLines,
  };
}

/** A value that is binary data in the card itself (base64, or a data: URI). */
function embedded(p: VcardProperty): boolean {
  return /^data:/i.test(p.value) || /^(B|BASE64)$/i.test(p.params.get('ENCODING')?.[0] ?? '');
}

function fieldName(property: string): string {
  // FullContact writes its own names hex-encoded: X-FCENCODED-<hex of "X-FC-RelatedNames:Mother">.
  const encoded = /^X-FCENCODED-((?:[0-9A-F]{2})+)$/.exec(property);
  if (encoded) return Buffer.from(encoded[1]!, 'hex').toString('utf8').toLowerCase();
  return FIELD_NAMES[property] ?? property.toLowerCase();
}

function fieldOf(p: VcardProperty, field: string, groupLabels: Map<string, string>): string {
  const label = labelOf(p, groupLabels, true);
  return label && label !== field ? `${field} (${label})` : field;
}

/** Streams vCards from lines; every card becomes a record or an error naming its line. */
export async function* parseVcards(lines: AsyncIterable<Line>): AsyncGenerator<ParsedItem> {
  let card: VcardProperty[] | null = null;
  let cardLine = 0;
  // A card with an unreadable line is reported once and skipped up to its END.
  let broken = false;
  let pending: { text: string; line: number; qp: boolean } | null = null;

  function* flush(): Generator<ParsedItem> {
    if (!pending) return;
    const { text: logical, line } = pending;
    pending = null;
    if (!logical.trim()) return;
    const upper = logical.trim().toUpperCase();
    if (upper === 'BEGIN:VCARD') {
      if (card && !broken) yield { kind: 'error', line: cardLine, reason: 'card not closed before the next BEGIN:VCARD' };
      broken = false;
      card = [];
      cardLine = line;
      return;
    }
    if (upper === 'END:VCARD') {
      if (broken) {
        broken = false;
        card = null;
        return;
      }
      if (!card) {
        yield { kind: 'error', line, reason: 'END:VCARD without BEGIN:VCARD' };
        return;
      }
      const result = cardToPerson(card, cardLine);
      card = null;
      if ('error' in result) yield { kind: 'error', line: cardLine, reason: result.error };
      else yield { kind: 'record', record: result };
      return;
    }
    if (broken) return;
    if (!card) {
      yield { kind: 'error', line, reason: 'text outside a BEGIN:VCARD … END:VCARD card' };
      return;
    }
    const prop = parseProperty(logical, line);
    if (!prop) {
      yield { kind: 'error', line: cardLine, reason: `line ${line} is not a vCard property` };
      broken = true;
      return;
    }
    if (card.length >= MAX_CARD_LINES) {
      yield { kind: 'error', line: cardLine, reason: `card has more than ${MAX_CARD_LINES} properties` };
      broken = true;
      return;
    }
    card.push(prop);
  }

  for await (const { raw, number } of lines) {
    const physical = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    // Blank lines carry nothing; some exporters write CR CR LF, which reads as one.
    if (physical === '') continue;
    if (pending && (physical.startsWith(' ') || physical.startsWith('\t'))) {
      // RFC folding: the continuation drops its single leading space.
      pending.text += physical.slice(1);
      continue;
    }
    if (pending?.qp && pending.text.endsWith('=')) {
      // QUOTED-PRINTABLE soft line break: the "=" joins the next line as it is.
      pending.text = pending.text.slice(0, -1) + physical;
      continue;
    }
    yield* flush();
    pending = { text: physical, line: number, qp: /;(ENCODING=)?QUOTED-PRINTABLE[;:]/i.test(physical.split(':')[0] + ':') };
  }
  yield* flush();
  if (card && !broken) yield { kind: 'error', line: cardLine, reason: 'file ends inside a card (no END:VCARD)' };
}
