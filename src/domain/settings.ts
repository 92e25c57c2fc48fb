import { isEmail } from './email.js';
import { invalid } from './errors.js';

/** The preferences a user can set with `kith config set KEY VALUE`, each with its check. */
export const SETTING_KEYS = {
  timezone: 'your time zone, an IANA name such as Europe/Paris',
  region: 'the country whose phone numbers need no prefix, such as US or FR',
  'me.name': 'your own name',
  'me.emails': 'your own email addresses, comma-separated',
  'me.interests': 'fields you care about (tags or industries), comma-separated; dormant ties in them rank higher',
  'dormant.years': 'years without contact before a tie counts as dormant (default 3)',
  'reminders.anniversaries': 'on to be reminded of work anniversaries (default off)',
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
    case 'me.interests':
      return ['me.interests', v.split(',').map((x) => x.trim().toLowerCase()).filter(Boolean).join(',')];
    case 'dormant.years': {
      const years = Number(v);
      if (!Number.isFinite(years) || years < 0.5 || years > 50) throw invalid('dormant.years', value, 'expected a number of years from 0.5 to 50');
      return ['dormant.years', String(years)];
    }
    case 'reminders.anniversaries':
      if (!['on', 'off'].includes(v.toLowerCase())) throw invalid('reminders.anniversaries', value, 'expected on or off');
      return ['reminders.anniversaries', v.toLowerCase()];
    case 'me.name':
      if (!v) throw invalid('me.name', value, 'cannot be empty');
      return ['me.name', v];
  }
}
