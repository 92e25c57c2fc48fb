import { parsePhoneNumber } from 'awesome-phonenumber';
import { invalid } from './errors.js';

/**
 * Normalises a phone number to E.164. Numbers without a country prefix are read in
 * the user's region (a setting, "US" unless told otherwise).
 */
export function normalizePhone(value: string, region = 'US', field = 'phone'): string {
  const raw = value.trim();
  const cleaned = raw.replace(/^00/, '+');
  if (!/\d/.test(cleaned)) throw invalid(field, value, 'not a phone number');
  let parsed;
  try {
    parsed = parsePhoneNumber(cleaned, cleaned.startsWith('+') ? {} : { regionCode: region });
  } catch {
    throw invalid(field, value, 'not a phone number');
  }
  if (!parsed.valid || !parsed.number?.e164) throw invalid(field, value, `not a valid phone number (region ${region})`);
  return parsed.number.e164;
}
