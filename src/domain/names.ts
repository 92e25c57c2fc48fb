import { invalid } from './errors.js';

export interface NameParts {
  displayName: string;
  givenName: string | null;
  familyName: string | null;
}

const PARTICLES = new Set(['van', 'von', 'de', 'der', 'den', 'da', 'di', 'du', 'del', 'della', 'la', 'le', 'bin', 'al']);

/**
 * Splits a display name into given and family names the way most address books do:
 * the first word is the given name, the rest (with particles such as "van der") the
 * family name. "Smith, John" is read as family, given.
 */
export function splitName(value: string): NameParts {
  const displayName = value.trim().replace(/\s+/g, ' ');
  if (!displayName) throw invalid('name', value, 'a name cannot be empty');
  if (displayName.length > 200) throw invalid('name', value, 'a name is at most 200 characters');
  const comma = /^([^,]+),\s*(.+)$/.exec(displayName);
  if (comma) {
    const family = comma[1]!.trim();
    const given = comma[2]!.trim();
    return { displayName: `${given} ${family}`, givenName: given, familyName: family };
  }
  const words = displayName.split(' ');
  if (words.length === 1) return { displayName, givenName: displayName, familyName: null };
  let split = words.length - 1;
  while (split > 1 && PARTICLES.has(words[split - 1]!.toLowerCase())) split--;
  return { displayName, givenName: words.slice(0, split).join(' '), familyName: words.slice(split).join(' ') };
}

/** Lower case without diacritics: "Zoë Ångström" becomes "zoe angstrom". */
export function foldText(value: string): string {
  return value.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

export function nameTokens(...names: Array<string | null | undefined>): string[] {
  const tokens = new Set<string>();
  for (const name of names) {
    if (!name) continue;
    for (const token of foldText(name).split(/[^\p{L}\p{N}]+/u)) {
      if (token.length >= 2) tokens.add(token);
    }
  }
  return [...tokens];
}
