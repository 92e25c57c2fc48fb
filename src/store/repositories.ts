import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Store } from './connect.js';
import { CadenceRepository } from './cadence-repository.js';
import { ContactStatsRepository } from './contact-stats-repository.js';
import { AccessRepository } from './access-repository.js';
import { BackupRepository } from './backup-repository.js';
import { DuplicateRepository } from './duplicate-repository.js';
import { ImportRepository } from './import-repository.js';
import { InteractionRepository } from './interaction-repository.js';
import { NoteRepository } from './note-repository.js';
import { OrganizationRepository } from './organization-repository.js';
import { PersonBatchRepository } from './person-batch-repository.js';
import { PlaybookRepository } from './playbook-repository.js';
import { EventRepository } from './event-repository.js';
import { ExchangeRepository } from './exchange-repository.js';
import { CareerRepository } from './career-repository.js';
import { GraphRepository } from './graph-repository.js';
import { PersonRepository } from './person-repository.js';
import { PositionRepository } from './position-repository.js';
import { QueueRepository } from './queue-repository.js';
import { RelationshipRepository } from './relationship-repository.js';
import { ReminderRepository } from './reminder-repository.js';
import type { Database } from './schema.js';
import { SearchRepository } from './search-repository.js';
import { SettingRepository } from './setting-repository.js';
import { StatsRepository } from './stats-repository.js';
import type { StoreDialect } from './store-dialect.js';
import { TagRepository } from './tag-repository.js';

export interface Repositories {
  people: PersonRepository;
  organizations: OrganizationRepository;
  positions: PositionRepository;
  interactions: InteractionRepository;
  notes: NoteRepository;
  tags: TagRepository;
  relationships: RelationshipRepository;
  search: SearchRepository;
  settings: SettingRepository;
  stats: StatsRepository;
  contactStats: ContactStatsRepository;
  cadences: CadenceRepository;
  reminders: ReminderRepository;
  queue: QueueRepository;
  imports: ImportRepository;
  duplicates: DuplicateRepository;
  backup: BackupRepository;
  batches: PersonBatchRepository;
  access: AccessRepository;
  playbook: PlaybookRepository;
  events: EventRepository;
  exchanges: ExchangeRepository;
  career: CareerRepository;
  graph: GraphRepository;
}

/** sqlite is the raw handle behind db on SQLite, for batch writes in db's transaction. */
export function repositories(db: Kysely<Database>, dialect: StoreDialect, sqlite?: BetterSqlite3.Database): Repositories {
  return {
    people: new PersonRepository(db, dialect),
    organizations: new OrganizationRepository(db),
    positions: new PositionRepository(db),
    interactions: new InteractionRepository(db),
    notes: new NoteRepository(db),
    tags: new TagRepository(db),
    relationships: new RelationshipRepository(db),
    search: new SearchRepository(db, dialect, sqlite),
    settings: new SettingRepository(db),
    stats: new StatsRepository(db),
    contactStats: new ContactStatsRepository(db, dialect, sqlite),
    cadences: new CadenceRepository(db),
    reminders: new ReminderRepository(db),
    queue: new QueueRepository(db),
    imports: new ImportRepository(db),
    duplicates: new DuplicateRepository(db, dialect),
    backup: new BackupRepository(db, sqlite),
    batches: new PersonBatchRepository(db, dialect, sqlite),
    access: new AccessRepository(db),
    playbook: new PlaybookRepository(db, dialect),
    events: new EventRepository(db),
    exchanges: new ExchangeRepository(db),
    career: new CareerRepository(db),
    graph: new GraphRepository(db),
  };
}

/** Runs fn in one transaction: every write in it lands, or none does. */
export async function inTransaction<T>(store: Store, fn: (repos: Repositories) => Promise<T>): Promise<T> {
  return store.db.transaction().execute((trx) => fn(repositories(trx, store.dialect, store.sqlite)));
}

export function readRepositories(store: Store): Repositories {
  return repositories(store.db, store.dialect, store.sqlite);
}
