import { invalid } from './errors.js';
import type { UrlKind } from './vocabulary.js';

/**
 * Normalises a profile or web URL so that the same profile written two ways
 * compares equal: lower-case host, no "www.", no query or fragment, no trailing slash.
 */
export function normalizeUrl(value: string, field = 'url'): string {
  let text = value.trim();
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) text = 'https://' + text;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalid(field, value, 'not a URL');
  }
  if (!url.hostname.includes('.')) throw invalid(field, value, 'not a URL');
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const path = decodeURIComponent(url.pathname).replace(/\/+$/, '');
  const scheme = url.protocol === 'http:' ? 'https:' : url.protocol;
  return `${scheme}//${host}${host.endsWith('linkedin.com') ? path.toLowerCase() : path}`;
}

export function urlKind(normalized: string): UrlKind {
  const host = new URL(normalized).hostname;
  if (host.endsWith('linkedin.com')) return 'linkedin';
  if (host === 'twitter.com' || host === 'x.com') return 'twitter';
  if (host === 'github.com') return 'github';
  return 'website';
}
