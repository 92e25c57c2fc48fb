import { Alert, Anchor, Badge, Button, Card, Grid, Group, Loader, Modal, Progress, Select, SimpleGrid, Stack, TagsInput, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { del, get, patch, post } from '../api';
import { LogInteractionModal } from '../shell/LogInteractionModal';
import { PersonPicker } from '../shell/PersonPicker';
import { Link, navigate } from '../shell/router';
import type { Interaction, Person, PersonDetail, PersonRef, Reminder } from '../types';
import { TIERS } from './tiers';
import { DraftMenu } from './DraftMenu';
import { GiveAndAsk } from './GiveAndAsk';
import { pastDueHint } from '../reminders/due-hint';

const STATUS_COLOR = { ok: 'teal', due: 'orange', overdue: 'red', none: 'gray' } as const;
const RELATIONSHIPS = [
  { value: 'knows', label: 'knows' },
  { value: 'colleague', label: 'colleague of' },
  { value: 'friend', label: 'friend of' },
  { value: 'family', label: 'family of' },
  { value: 'mentor_of', label: 'mentor of' },
  { value: 'reports_to', label: 'reports to' },
  { value: 'introduced', label: 'introduced' },
  { value: 'other', label: 'other' },
];

function Section({ title, action, children }: { title: string; action?: ReactNode; children: ReactNode }) {
  return (
    <Card withBorder padding="md" component="section" aria-label={title}>
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5">
          {title}
        </Title>
        {action}
      </Group>
      {children}
    </Card>
  );
}

function EditModal({ person, opened, onClose }: { person: Person; opened: boolean; onClose: () => void }) {
  const client = useQueryClient();
  const [form, setForm] = useState({ name: person.name, company: person.company ?? '', title: person.title ?? '', location: person.location ?? '', birthday: person.birthday ?? '', howMet: person.howMet ?? '', tier: person.tier, tags: person.tags, email: '' });
  const save = useMutation({
    mutationFn: () =>
      patch<Person>(`/people/${person.id}`, {
        name: form.name,
        company: form.company.trim() || null,
        title: form.title.trim() || null,
        location: form.location.trim() || null,
        birthday: form.birthday.trim() || null,
        howMet: form.howMet.trim() || null,
        tier: form.tier,
        addTags: form.tags.filter((t) => !person.tags.includes(t)),
        removeTags: person.tags.filter((t) => !form.tags.includes(t)),
        addEmails: form.email.trim() ? [form.email.trim()] : [],
      }),
    onSuccess: () => {
      void client.invalidateQueries();
      onClose();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const field = (key: keyof typeof form, label: string, extra: object = {}) => (
    <TextInput label={label} value={form[key] as string} onChange={(e) => setForm({ ...form, [key]: e.currentTarget.value })} {...extra} />
  );
  return (
    <Modal opened={opened} onClose={onClose} title={`Edit ${person.name}`} size="lg">
      <Stack component="form" onSubmit={submit}>
        {save.error && <Alert color="red">{save.error.message}</Alert>}
        {field('name', 'Name', { required: true })}
        <Group grow align="flex-start">
          {field('company', 'Company', { description: 'A different company records a job change' })}
          {field('title', 'Title')}
        </Group>
        <Group grow align="flex-start">
          {field('location', 'Location')}
          {field('birthday', 'Birthday', { placeholder: 'YYYY-MM-DD or --MM-DD' })}
        </Group>
        <Group grow align="flex-start">
          <Select label="Tier" data={TIERS} value={form.tier} onChange={(tier) => setForm({ ...form, tier })} clearable placeholder="None" />
          <TagsInput label="Tags" value={form.tags} onChange={(tags) => setForm({ ...form, tags })} />
        </Group>
        {field('howMet', 'How you met')}
        {field('email', 'Add an email')}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            Save
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export default function PersonPage({ id }: { id: string }) {
  const client = useQueryClient();
  const detail = useQuery({ queryKey: ['person', id], queryFn: () => get<PersonDetail>(`/people/${encodeURIComponent(id)}?recent=50`) });
  const reminders = useQuery({ queryKey: ['person', id, 'reminders'], queryFn: () => get<{ items: Reminder[] }>(`/people/${encodeURIComponent(id)}/reminders?limit=200`).then((p) => p.items) });
  const [logging, setLogging] = useState(false);
  const [correcting, setCorrecting] = useState<Interaction | undefined>(undefined);
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState('');
  const [reminder, setReminder] = useState({ title: '', at: '' });
  const [link, setLink] = useState<{ kind: string; to: PersonRef[] }>({ kind: 'colleague', to: [] });
  const [position, setPosition] = useState({ organization: '', title: '', start: '' });
  const refresh = () => void client.invalidateQueries();
  const mutate = useMutation({ mutationFn: (fn: () => Promise<unknown>) => fn(), onSuccess: refresh });
  if (detail.isLoading) return <Loader aria-label="Loading" />;
  if (detail.error) return <Alert color="red">{detail.error.message}</Alert>;
  const d = detail.data!;
  const p = d.person;
  const ref = { id: p.id, name: p.name };
  return (
    <Stack maw={1100}>
      {mutate.error && <Alert color="red">{mutate.error.message}</Alert>}
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="xs">
            <Title order={2}>{p.name}</Title>
            {p.tier && <Badge variant="outline">{p.tier}</Badge>}
            {p.archived && <Badge color="gray">archived</Badge>}
          </Group>
          <Text c="dimmed">{[p.title, p.company].filter(Boolean).join(' at ') || 'No current position'}</Text>
          <Group gap={4}>
            {p.tags.map((t) => (
              <Badge key={t} variant="light">
                {t}
              </Badge>
            ))}
          </Group>
        </Stack>
        <Group gap="xs">
          <Button onClick={() => setLogging(true)}>Log interaction</Button>
          <DraftMenu personId={p.id} />
          <Button variant="default" onClick={() => setEditing(true)}>
            Edit
          </Button>
          <Button variant="default" onClick={() => mutate.mutate(() => post(`/people/${p.id}/${p.archived ? 'unarchive' : 'archive'}`))}>
            {p.archived ? 'Unarchive' : 'Archive'}
          </Button>
        </Group>
      </Group>
      <Grid>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack>
            <Section title="Contact">
              <Stack gap={4}>
                {p.emails.map((e) => (
                  <Anchor key={e} href={`mailto:${e}`} size="sm">
                    {e}
                  </Anchor>
                ))}
                {p.phones.map((ph) => (
                  <Anchor key={ph} href={`tel:${ph}`} size="sm">
                    {ph}
                  </Anchor>
                ))}
                {p.urls.map((u) => (
                  <Anchor key={u.url} href={u.url} size="sm" target="_blank" rel="noreferrer noopener">
                    {u.kind === 'linkedin' ? 'LinkedIn' : u.url}
                  </Anchor>
                ))}
                {p.location && <Text size="sm">{p.location}</Text>}
                {p.birthday && <Text size="sm">Birthday {p.birthday.replace(/^--/, '')}</Text>}
                {p.howMet && <Text size="sm">Met: {p.howMet}</Text>}
                {p.introducedBy && (
                  <Text size="sm">
                    Introduced by <Link to={`/people/${p.introducedBy.id}`}>{p.introducedBy.name}</Link>
                  </Text>
                )}
                {Object.entries(p.customFields).map(([k, v]) => (
                  // Imported values can be long unbroken strings (photo links, ids).
                  <Text key={k} size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {k}: {v}
                  </Text>
                ))}
              </Stack>
            </Section>
            <Section title={`Tie strength ${d.strength.score}`}>
              <Stack gap="xs">
                {d.strength.parts.map((part) => (
                  <div key={part.component} title={part.explanation}>
                    <Group justify="space-between">
                      <Text size="sm">{part.component}</Text>
                      <Text size="sm" c="dimmed">
                        {part.points} pts
                      </Text>
                    </Group>
                    <Progress value={part.value * 100} size="sm" aria-label={`${part.component}: ${part.explanation}`} />
                    <Text size="xs" c="dimmed">
                      {part.explanation}
                    </Text>
                  </div>
                ))}
              </Stack>
            </Section>
            <Section title="Cadence">
              <Group gap="xs">
                <Badge color={STATUS_COLOR[d.cadence.status]}>{d.cadence.status}</Badge>
                <Text size="sm">
                  {d.cadence.cadence ? `every ${d.cadence.cadence.idealDays} days (at most ${d.cadence.cadence.maxDays}), from ${d.cadence.cadence.source}` : 'No cadence: give a tier to set one'}
                </Text>
              </Group>
              {d.cadence.daysSince !== null && (
                <Text size="sm" c="dimmed" mt={4}>
                  {d.cadence.daysSince} days since the last contact
                </Text>
              )}
            </Section>
            <Section title="Positions">
              <Stack gap={4}>
                {d.positions.map((pos) => (
                  <Group key={pos.id} justify="space-between" wrap="nowrap">
                    <Text size="sm">
                      {[pos.title, pos.organization].filter(Boolean).join(' at ')} {pos.startDate || pos.endDate ? `(${pos.startDate ?? '…'} – ${pos.endDate ?? 'now'})` : pos.current ? '' : '(ended)'}
                    </Text>
                    {pos.current && (
                      <Button size="compact-xs" variant="subtle" style={{ flexShrink: 0 }} onClick={() => mutate.mutate(() => post(`/positions/${pos.id}/end`, {}))}>
                        End
                      </Button>
                    )}
                  </Group>
                ))}
                <Group
                  component="form"
                  gap={4}
                  align="flex-end"
                  onSubmit={(e: FormEvent) => {
                    e.preventDefault();
                    mutate.mutate(() => post('/positions', { person: p.id, organization: position.organization, title: position.title || null, start: position.start || null }).then(() => setPosition({ organization: '', title: '', start: '' })));
                  }}
                >
                  <TextInput size="xs" aria-label="Organization" placeholder="Organization" value={position.organization} onChange={(e) => setPosition({ ...position, organization: e.currentTarget.value })} required style={{ flex: 1 }} />
                  <TextInput size="xs" aria-label="Title" placeholder="Title" value={position.title} onChange={(e) => setPosition({ ...position, title: e.currentTarget.value })} style={{ flex: 1 }} />
                  <Button size="xs" type="submit" variant="light">
                    Add
                  </Button>
                </Group>
              </Stack>
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack>
            <Section title={`Timeline (${d.interactionCount})`} action={<Button size="xs" variant="light" onClick={() => setLogging(true)}>Log</Button>}>
              <Stack gap="xs" component="ol" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Interactions">
                {d.interactions.length === 0 && (
                  <Text c="dimmed" size="sm">
                    No interactions yet.
                  </Text>
                )}
                {d.interactions.map((i) => (
                  <Group key={i.id} component="li" gap="sm" wrap="nowrap" align="flex-start">
                    <Text size="sm" c="dimmed" w={90} style={{ flexShrink: 0 }}>
                      {i.occurredAt.slice(0, 10)}
                    </Text>
                    <Badge variant="light" style={{ flexShrink: 0 }}>
                      {i.kind}
                    </Badge>
                    <Text size="sm" style={{ flex: 1 }}>
                      {i.summary ?? <span style={{ color: 'var(--mantine-color-dimmed)' }}>{i.direction}</span>}
                      {i.participants.length > 1 && ` · with ${i.participants.filter((x) => x.id !== p.id).map((x) => x.name).join(', ')}`}
                    </Text>
                    <Button size="compact-xs" variant="subtle" color="gray" style={{ flexShrink: 0 }} aria-label={`Edit the ${i.kind} of ${i.occurredAt.slice(0, 10)}`} onClick={() => setCorrecting(i)}>
                      Edit
                    </Button>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="gray"
                      style={{ flexShrink: 0 }}
                      aria-label={`Remove the ${i.kind} of ${i.occurredAt.slice(0, 10)}`}
                      onClick={() => {
                        // Logged by mistake (wrong person, wrong day): removing it puts the totals back as they were.
                        const others = i.participants.length > 1 ? ` It is removed for ${i.participants.length - 1} other ${i.participants.length === 2 ? 'person' : 'people'} too.` : '';
                        if (confirm(`Remove this ${i.kind} of ${i.occurredAt.slice(0, 10)}?${others}`)) mutate.mutate(() => del(`/interactions/${i.id}`));
                      }}
                    >
                      Remove
                    </Button>
                  </Group>
                ))}
              </Stack>
            </Section>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Section title="Notes">
                <Stack gap="xs">
                  {d.notes.map((n) => (
                    <Card key={n.id} padding="xs" withBorder>
                      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                        {n.body}
                      </Text>
                      <Group justify="space-between">
                        <Text size="xs" c="dimmed">
                          {n.createdAt.slice(0, 10)}
                        </Text>
                        <Button size="compact-xs" variant="subtle" color="gray" aria-label={`Delete the note of ${n.createdAt.slice(0, 10)}`} onClick={() => confirm(`Delete this note${n.about.length > 1 ? `, which is about ${n.about.length} people` : ''}?`) && mutate.mutate(() => del(`/notes/${n.id}`))}>
                          Delete
                        </Button>
                      </Group>
                    </Card>
                  ))}
                  <form
                    onSubmit={(e) => {
                      e.preventDefault();
                      mutate.mutate(() => post('/notes', { body: note, about: [p.id] }).then(() => setNote('')));
                    }}
                  >
                    <Textarea aria-label="New note" placeholder="Add a note" autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
                    <Button size="xs" mt={4} type="submit" variant="light" disabled={!note.trim()}>
                      Add note
                    </Button>
                  </form>
                </Stack>
              </Section>
              <Section title="Reminders">
                <Stack gap="xs">
                  {(reminders.data ?? []).map((r) => (
                    <Group key={r.id} justify="space-between" wrap="nowrap">
                      <Text size="sm">
                        {r.title}{' '}
                        <Text span c="dimmed" size="xs">
                          {r.dueAt.slice(0, 10)}
                          {r.rrule ? ' · repeats' : ''}
                        </Text>
                      </Text>
                      <Button size="compact-xs" variant="subtle" onClick={() => mutate.mutate(() => post(`/reminders/${r.id}/done`))}>
                        Done
                      </Button>
                    </Group>
                  ))}
                  <Stack
                    component="form"
                    gap={4}
                    onSubmit={(e: FormEvent) => {
                      e.preventDefault();
                      mutate.mutate(() => post('/reminders', { title: reminder.title, about: p.id, at: reminder.at || undefined, in: reminder.at ? undefined : '1w' }).then(() => setReminder({ title: '', at: '' })));
                    }}
                  >
                    <TextInput size="xs" aria-label="Reminder" placeholder="Remind me to…" value={reminder.title} onChange={(e) => setReminder({ ...reminder, title: e.currentTarget.value })} required />
                    <Group gap={4} wrap="nowrap">
                      <TextInput size="xs" aria-label="Reminder date" description={pastDueHint(reminder.at) ?? 'Empty: in a week'} type="date" value={reminder.at} onChange={(e) => setReminder({ ...reminder, at: e.currentTarget.value })} style={{ flex: 1 }} />
                      <Button size="xs" type="submit" variant="light">
                        Add
                      </Button>
                    </Group>
                  </Stack>
                </Stack>
              </Section>
            </SimpleGrid>
            <Section title="Give and ask">
              <GiveAndAsk personId={p.id} />
            </Section>
            <Section title="Relationships">
              <Stack gap="xs">
                {d.relationships.map((r) => {
                  const other = r.from.id === p.id ? r.to : r.from;
                  return (
                    <Group key={r.id} justify="space-between">
                      <Text size="sm">
                        {r.from.id === p.id ? r.kind.replace('_', ' ') : `${r.kind.replace('_', ' ')} of`} <Link to={`/people/${other.id}`}>{other.name}</Link>
                      </Text>
                      <Button size="compact-xs" variant="subtle" onClick={() => mutate.mutate(() => del(`/relationships/${r.id}`))}>
                        Remove
                      </Button>
                    </Group>
                  );
                })}
                <Group
                  component="form"
                  gap={4}
                  align="flex-end"
                  onSubmit={(e: FormEvent) => {
                    e.preventDefault();
                    mutate.mutate(async () => {
                      for (const to of link.to) await post('/relationships', { from: p.id, kind: link.kind, to: to.id });
                      setLink({ ...link, to: [] });
                    });
                  }}
                >
                  <Select size="xs" aria-label="Relationship" data={RELATIONSHIPS} value={link.kind} onChange={(kind) => setLink({ ...link, kind: kind ?? 'colleague' })} w={140} allowDeselect={false} />
                  <div style={{ flex: 1 }}>
                    <PersonPicker label="" value={link.to} onChange={(to) => setLink({ ...link, to })} />
                  </div>
                  <Button size="xs" type="submit" variant="light" disabled={link.to.length === 0}>
                    Link
                  </Button>
                </Group>
              </Stack>
            </Section>
          </Stack>
        </Grid.Col>
      </Grid>
      <Group>
        <Button
          color="red"
          variant="subtle"
          onClick={() => {
            if (confirm(`Delete ${p.name} and everything only about them? This cannot be undone.`)) mutate.mutate(() => del(`/people/${p.id}`).then(() => navigate('/people')));
          }}
        >
          Delete person
        </Button>
      </Group>
      <LogInteractionModal opened={logging} onClose={() => setLogging(false)} people={[ref]} />
      <LogInteractionModal opened={correcting !== undefined} onClose={() => setCorrecting(undefined)} editing={correcting} />
      {editing && <EditModal person={p} opened={editing} onClose={() => setEditing(false)} />}
    </Stack>
  );
}
