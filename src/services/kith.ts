import type { Store } from '../store/connect.js';
import { AccessService } from './access-service.js';
import { AudienceService } from './audience-service.js';
import { GoalService } from './goal-service.js';
import { EventService } from './event-service.js';
import { ExchangeService } from './exchange-service.js';
import { DraftService } from './draft-service.js';
import { CareerService } from './career-service.js';
import { NetworkService } from './network-service.js';
import { BackupService } from './backup-service.js';
import { CadenceService } from './cadence-service.js';
import { CalendarService } from './calendar-service.js';
import { DigestService } from './digest-service.js';
import { DuplicateService } from './duplicate-service.js';
import { ExportService } from './export-service.js';
import { ImportService } from './import-service.js';
import { ReminderService } from './reminder-service.js';
import { StrengthService } from './strength-service.js';
import { TierService } from './tier-service.js';
import { TodayService } from './today-service.js';
import { createContext, type ServiceContext } from './context.js';
import { DemoService } from './demo-service.js';
import { InteractionService } from './interaction-service.js';
import { NoteService } from './note-service.js';
import { OrganizationService } from './organization-service.js';
import { PersonService } from './person-service.js';
import { PositionService } from './position-service.js';
import { RelationshipService } from './relationship-service.js';
import { SearchService } from './search-service.js';
import { SettingsService } from './settings-service.js';
import { StatsService } from './stats-service.js';
import { TagService } from './tag-service.js';

/** Every use case of Kith; the only thing the CLI and the HTTP layer talk to. */
export interface Kith {
  context: ServiceContext;
  people: PersonService;
  organizations: OrganizationService;
  positions: PositionService;
  interactions: InteractionService;
  notes: NoteService;
  tags: TagService;
  relationships: RelationshipService;
  search: SearchService;
  stats: StatsService;
  settings: SettingsService;
  demo: DemoService;
  strength: StrengthService;
  cadences: CadenceService;
  reminders: ReminderService;
  today: TodayService;
  tiers: TierService;
  calendar: CalendarService;
  digest: DigestService;
  imports: ImportService;
  duplicates: DuplicateService;
  backups: BackupService;
  exports: ExportService;
  access: AccessService;
  goals: GoalService;
  audiences: AudienceService;
  events: EventService;
  exchanges: ExchangeService;
  drafts: DraftService;
  career: CareerService;
  network: NetworkService;
  /** Changes whenever the data may have (see Store.changeMark); null when unknown. */
  changeMark(): string | null;
  close(): Promise<void>;
}

export function createKith(store: Store, now?: () => Date): Kith {
  const context = createContext(store, now);
  return {
    context,
    people: new PersonService(context),
    organizations: new OrganizationService(context),
    positions: new PositionService(context),
    interactions: new InteractionService(context),
    notes: new NoteService(context),
    tags: new TagService(context),
    relationships: new RelationshipService(context),
    search: new SearchService(context),
    stats: new StatsService(context),
    settings: new SettingsService(context),
    demo: new DemoService(context),
    strength: new StrengthService(context),
    cadences: new CadenceService(context),
    reminders: new ReminderService(context),
    today: new TodayService(context),
    tiers: new TierService(context),
    calendar: new CalendarService(context),
    digest: new DigestService(context),
    imports: new ImportService(context),
    duplicates: new DuplicateService(context),
    backups: new BackupService(context),
    exports: new ExportService(context),
    access: new AccessService(context),
    goals: new GoalService(context),
    audiences: new AudienceService(context),
    events: new EventService(context),
    exchanges: new ExchangeService(context),
    drafts: new DraftService(context),
    career: new CareerService(context),
    network: new NetworkService(context),
    changeMark: () => store.changeMark(),
    close: () => store.close(),
  };
}
