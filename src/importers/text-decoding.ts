import iconv from 'iconv-lite';

const NON_ASCII = /[\x80-\xff]/;

/**
 * Turns bytes (held one-to-one in a latin1 string) into text: in the charset named,
 * else UTF-8 when they are valid UTF-8, else Windows-1252, the usual legacy charset
 * of address-book exports.
 */
export function decodeBytes(bytes: string, charset?: string | null): string {
  // Plain ASCII, most header lines, reads the same in UTF-8 and needs no decoding.
  if (!charset && !NON_ASCII.test(bytes)) return bytes;
  const buffer = Buffer.from(bytes, 'latin1');
  if (charset && iconv.encodingExists(charset)) return iconv.decode(buffer, charset);
  const utf8 = buffer.toString('utf8');
  if (!utf8.includes('\uFFFD')) return utf8;
  return iconv.decode(buffer, 'windows-1252');
}

/** Quoted-printable to bytes (soft line breaks already removed). */
export function decodeQuotedPrintable(text: string): string {
  return text.replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
