import { newId } from '../domain/ids.js';
import type { NormalizedPerson } from '../domain/person.js';
import type { NewPersonRecord } from '../store/person-batch-repository.js';
import type { Repositories } from '../store/repositories.js';

/** Someone a mail archive or a calendar names by address, with the name it gives them, if any. */
export interface Correspondent {
  address: string;
  name: string | null;
}

/**
 * Creates, in one go, those correspondents whom nobody has as an address yet, each
 * with only a name (the one given, else the address's local part) and the address,
 * and the source that found them. Returns the new people's ids by address.
 */
export async function createCorrespondents(repos: Repositories, list: Correspondent[], found: { source: 'mail' | 'ical'; howMet: string }, now: string): Promise<Map<string, string>> {
  const owners = await repos.people.emailOwners(list.map((c) => c.address));
  const created = new Map<string, string>();
  const records: NewPersonRecord[] = [];
  for (const { address, name } of list) {
    if (owners.has(address) || created.has(address)) continue;
    const id = newId();
    created.set(address, id);
    records.push({
      id,
      person: newCorrespondent(name || address.split('@')[0]!, address, found.howMet),
      position: null,
      tagIds: [],
      source: { source: found.source, externalId: address, fingerprint: found.source },
      photo: null,
      note: null,
      interaction: null,
    });
  }
  if (records.length === 0) return created;
  await repos.batches.insert(records, now);
  await repos.search.reindex(records.map((r) => r.id), { added: true });
  return created;
}

function newCorrespondent(name: string, address: string, howMet: string): NormalizedPerson {
  return {
    fields: { name, givenName: null, familyName: null, nickname: null, pronouns: null, location: null, birthday: null, howMet, metOn: null, introducedById: null, tier: null, customFields: {} },
    emails: [{ value: address, label: null }],
    phones: [],
    urls: [],
    tags: [],
    company: null,
    title: null,
  };
}
