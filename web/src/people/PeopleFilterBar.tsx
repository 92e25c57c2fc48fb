import { Button, Checkbox, Group, Menu, Select, TagsInput, Text } from '@mantine/core';
import type { Organization } from '../types';
import { TIERS } from './tiers';

type Choice = string | null;

type Filter = 'tag' | 'tier' | 'organization' | 'band' | 'status';

/** The filters with fixed choices: any one of them, or none. */
const FIXED: Array<{ key: Filter; label: string; width: number; data: Array<string | { value: string; label: string }> }> = [
  { key: 'tier', label: 'Tier', width: 140, data: TIERS },
  {
    key: 'band',
    label: 'Strength',
    width: 150,
    data: [
      { value: 'strong', label: 'Strong (60+)' },
      { value: 'medium', label: 'Medium (30–59)' },
      { value: 'weak', label: 'Weak (1–29)' },
      { value: 'none', label: 'No contact (0)' },
    ],
  },
  {
    key: 'status',
    label: 'Cadence',
    width: 140,
    data: [
      { value: 'overdue', label: 'Overdue' },
      { value: 'due', label: 'Due' },
      { value: 'ok', label: 'On track' },
      { value: 'none', label: 'No cadence' },
    ],
  },
];

/** The People page's filters: loaded after the table (see PeoplePage). */
export default function PeopleFilterBar({
  disabled,
  choices,
  values,
  set,
}: {
  disabled: boolean;
  choices: { tags: Array<{ name: string; people: number }>; organizations: Organization[]; load: () => void };
  values: Record<Filter, Choice> & { sort: string; archived: boolean };
  set: Record<Filter, (v: Choice) => void> & { sort: (v: string) => void; archived: (v: boolean) => void };
}) {
  // Tags and organizations are many: they are fetched when a user first reaches for them.
  const loaded = { clearable: true, searchable: true, placeholder: 'Any', disabled, onFocus: choices.load, onDropdownOpen: choices.load };
  return (
    <>
      <Select label="Tag" data={choices.tags.map((t) => ({ value: t.name, label: `${t.name} (${t.people})` }))} value={values.tag} onChange={set.tag} w={160} {...loaded} />
      <Select label="Organization" data={choices.organizations.map((o) => ({ value: o.id, label: o.name }))} value={values.organization} onChange={set.organization} w={180} {...loaded} />
      {FIXED.map((f) => (
        <Select key={f.key} label={f.label} data={f.data} value={values[f.key]} onChange={set[f.key]} clearable placeholder="Any" w={f.width} disabled={disabled} />
      ))}
      <Select
        label="Sort"
        data={[
          { value: 'name', label: 'Name' },
          { value: 'recent', label: 'Last contact' },
          { value: 'added', label: 'Recently added' },
        ]}
        value={values.sort}
        onChange={(v) => set.sort(v ?? 'name')}
        allowDeselect={false}
        w={150}
        disabled={disabled}
      />
      <Checkbox label="Archived too" checked={values.archived} onChange={(e) => set.archived(e.currentTarget.checked)} mb={8} disabled={disabled} />
    </>
  );
}

/** Tag, untag or archive the selected people. */
export function PeopleBulkBar({
  count,
  bulkTags,
  setBulkTags,
  pending,
  apply,
  clear,
}: {
  count: number;
  bulkTags: string[];
  setBulkTags: (tags: string[]) => void;
  pending: boolean;
  apply: (body: { addTags?: string[]; removeTags?: string[]; archive?: boolean }) => void;
  clear: () => void;
}) {
  return (
    <Group gap="xs" p="xs" style={{ background: 'var(--mantine-color-default-hover)', borderRadius: 8 }}>
      <Text size="sm">{count} selected</Text>
      <TagsInput aria-label="Tags to add or remove" placeholder="Tags" value={bulkTags} onChange={setBulkTags} w={220} size="xs" />
      <Button size="xs" disabled={bulkTags.length === 0} loading={pending} onClick={() => apply({ addTags: bulkTags })}>
        Add tags
      </Button>
      <Button size="xs" variant="default" disabled={bulkTags.length === 0} onClick={() => apply({ removeTags: bulkTags })}>
        Remove tags
      </Button>
      <Menu>
        <Menu.Target>
          <Button size="xs" variant="default">
            More
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => apply({ archive: true })}>Archive</Menu.Item>
          <Menu.Item onClick={() => apply({ archive: false })}>Unarchive</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Button size="xs" variant="subtle" onClick={clear}>
        Clear
      </Button>
    </Group>
  );
}
