/**
 * The API's shapes as the web app reads them: the types of the server's own zod
 * schemas (which validate every response and generate /api/openapi.json), so that
 * the two cannot drift apart. Type-only imports: no server code reaches the bundle.
 */
import type { z } from 'zod';
import type * as api from '../../src/http/schemas';

export type PersonRef = z.output<typeof api.personRef>;
export type Person = z.output<typeof api.person>;
export type Page<T> = { items: T[]; nextCursor: string | null };
export type Interaction = z.output<typeof api.interaction>;
export type Note = z.output<typeof api.note>;
export type Position = z.output<typeof api.position>;
export type Relationship = z.output<typeof api.relationship>;
export type Reminder = z.output<typeof api.reminder>;
export type PersonDetail = z.output<typeof api.personDetail>;
export type StrengthPart = PersonDetail['strength']['parts'][number];
export type QueueEntry = z.output<typeof api.queueEntry>;
export type TodayQueue = z.output<typeof api.todayQueue>;
export type Organization = z.output<typeof api.organization>;
export type ImportReport = z.output<typeof api.importReport>;
export type ImportJob = z.output<typeof api.importJob>;
export type Duplicate = z.output<typeof api.duplicate>;
export type Token = z.output<typeof api.token>;
export type SearchHit = z.output<typeof api.searchHit>;
