import { isEmail } from './email.js';
import { invalid } from './errors.js';

/** The preferences a user can set with `kith config set KEY VALUE`, each with its check. */
export const SETTING_KEYS = {
  timezone: 'your time zone, an IANA name such as Europe/Paris',
  region: 'the country whose phone numbers need no prefix, such as US or FR',
  'me.name': 'your own name',
  'me.emails': 'your own email addresses, comma-separated',
} as const;
export type SettingKey = keyof typeof SETTING_KEYS;

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function assertSettingKey(key: string): SettingKey {
  if (!(key in SETTING_KEYS)) throw invalid('setting', key, `unknown setting; known: ${Object.keys(SETTING_KEYS).join(', ')}`);
  return key as SettingKey;
}

export function normalizeSetting(key: string, value: string): [SettingKey, string] {
  assertSettingKey(key);
  const v = value.trim();
  switch (key as SettingKey) {
    case 'timezone':
      if (!isValidTimeZone(v)) throw invalid('timezone', value, 'not an IANA time zone such as Europe/Paris');
      return ['timezone', v];
    case 'region':
      if (!/^[a-z]{2}$/i.test(v)) throw invalid('region', value, 'expected a two-letter country code such as US');
      return ['region', v.toUpperCase()];
    case 'me.emails': {
      const emails = v.split(',').map((e) => e.trim().toLowerCase()).filter(Boolean);
      const bad = emails.find((e) => !isEmail(e));
      if (bad !== undefined) throw invalid('me.emails', bad, 'not an email address');
      return ['me.emails', emails.join(',')];
    }
    case 'me.name':
      if (!v) throw invalid('me.name', value, 'cannot be empty');
      return ['me.name', v];
  }
}
