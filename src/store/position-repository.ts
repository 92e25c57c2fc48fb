import type { Kysely } from 'kysely';
import type { Position } from '../domain/organization.js';
import type { Database } from './schema.js';

export interface PositionFields {
  personId: string;
  organizationId: string;
  title: string | null;
  startDate: string | null;
  endDate: string | null;
}

export class PositionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(id: string, fields: PositionFields, now: string): Promise<void> {
    await this.db
      .insertInto('position')
      .values({
        id,
        person_id: fields.personId,
        organization_id: fields.organizationId,
        title: fields.title,
        start_date: fields.startDate,
        end_date: fields.endDate,
        created_at: now,
      })
      .execute();
  }

  async update(id: string, fields: Partial<Pick<PositionFields, 'title' | 'startDate' | 'endDate'>>): Promise<void> {
    await this.db
      .updateTable('position')
      .set({
        ...(fields.title !== undefined ? { title: fields.title } : {}),
        ...(fields.startDate !== undefined ? { start_date: fields.startDate } : {}),
        ...(fields.endDate !== undefined ? { end_date: fields.endDate } : {}),
      })
      .where('id', '=', id)
      .execute();
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('position').where('id', '=', id).execute();
  }

  async get(id: string): Promise<Position | undefined> {
    const row = await this.db.selectFrom('position').select('person_id').where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    return (await this.listForPerson(row.person_id)).find((p) => p.id === id);
  }

  async listForPerson(personId: string): Promise<Position[]> {
    const rows = await this.db
      .selectFrom('position')
      .innerJoin('organization', 'organization.id', 'position.organization_id')
      .select([
        'position.id',
        'position.person_id',
        'position.organization_id',
        'organization.name',
        'position.title',
        'position.start_date',
        'position.end_date',
        'position.created_at',
      ])
      .where('position.person_id', '=', personId)
      .execute();
    return rows
      .map((r) => ({
        id: r.id,
        personId: r.person_id,
        organizationId: r.organization_id,
        organization: r.name,
        title: r.title,
        startDate: r.start_date,
        endDate: r.end_date,
        current: r.end_date === null,
        createdAt: r.created_at,
      }))
      .sort((a, b) => Number(b.current) - Number(a.current) || (b.startDate ?? '').localeCompare(a.startDate ?? '') || b.createdAt.localeCompare(a.createdAt))
      .map(({ createdAt: _createdAt, ...p }) => p);
  }
}
