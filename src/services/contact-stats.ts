import { addInteraction, EMPTY_STATS, type ContactStats, type ObservedInteraction } from '../domain/tie-strength.js';
import type { Repositories } from '../store/repositories.js';

/** Folds a new interaction into each participant's totals: no rescan. */
export async function recordInteraction(repos: Repositories, participants: Array<{ personId: string; role: string }>, interaction: Omit<ObservedInteraction, 'role'>): Promise<void> {
  const current = await repos.contactStats.get(participants.map((p) => p.personId));
  for (const p of participants) {
    const next = addInteraction(current.get(p.personId) ?? EMPTY_STATS, { ...interaction, role: p.role });
    await repos.contactStats.put(p.personId, next);
  }
}

/** Recomputes these people's totals from their interactions (after a delete or a merge). */
export async function rebuildStats(repos: Repositories, personIds: string[]): Promise<Map<string, ContactStats>> {
  const totals = new Map<string, ContactStats>();
  for (const row of await repos.contactStats.participation(personIds)) {
    totals.set(row.personId, addInteraction(totals.get(row.personId) ?? EMPTY_STATS, row));
  }
  const empty = personIds.filter((id) => !totals.has(id));
  await repos.contactStats.delete(empty);
  for (const [personId, stats] of totals) await repos.contactStats.put(personId, stats);
  return totals;
}
