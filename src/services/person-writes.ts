import { newId } from '../domain/ids.js';
import type { NormalizedPerson } from '../domain/person.js';
import type { Repositories } from '../store/repositories.js';
import { findOrCreateOrganization } from './organization-refs.js';

/** Writes a new, already validated person with everything attached; returns the id. */
export async function insertPerson(repos: Repositories, person: NormalizedPerson, now: string): Promise<string> {
  const id = newId();
  await repos.people.insert(id, person.fields, now);
  await repos.people.replaceEmails(id, person.emails);
  await repos.people.replacePhones(id, person.phones);
  await repos.people.replaceUrls(id, person.urls);
  if (person.tags.length > 0) {
    const tagIds = await repos.tags.ensure(person.tags, newId, now);
    await repos.tags.attach(id, [...tagIds.values()]);
  }
  if (person.company) {
    const orgId = await findOrCreateOrganization(repos, person.company, now);
    await repos.positions.insert(newId(), { personId: id, organizationId: orgId, title: person.title, startDate: null, endDate: null }, now);
  }
  await repos.search.reindex([id]);
  return id;
}
