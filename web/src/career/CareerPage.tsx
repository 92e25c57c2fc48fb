import { Alert, Badge, Button, Card, Code, Group, Select, SimpleGrid, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { get, patch, post } from '../api';
import { PersonPicker } from '../shell/PersonPicker';
import { Link } from '../shell/router';
import type { PersonRef } from '../types';

interface Opportunity {
  id: string;
  title: string;
  kind: string;
  stage: string;
  organization: { id: string; name: string } | null;
  nextStep: string | null;
  dueOn: string | null;
  people: PersonRef[];
}

interface Introduction {
  id: string;
  a: PersonRef;
  b: PersonRef;
  why: string | null;
  status: string;
  messages: { askA: string; introduction: string };
}

const STAGES = [
  ['idea', 'Idea'],
  ['exploring', 'Exploring'],
  ['in_progress', 'In progress'],
  ['won', 'Won'],
  ['lost', 'Lost'],
] as const;
const KINDS = ['job', 'client', 'collaboration', 'speaking', 'investment', 'other'];

function useAct() {
  const client = useQueryClient();
  return useMutation({ mutationFn: (fn: () => Promise<unknown>) => fn(), onSuccess: () => client.invalidateQueries() });
}

/** Opportunities as a board: one column per stage; move a card with its stage menu. */
function Board() {
  const list = useQuery({ queryKey: ['opportunities'], queryFn: () => get<Opportunity[]>('/opportunities') });
  const act = useAct();
  const [form, setForm] = useState({ title: '', kind: 'job', organization: '', nextStep: '', due: '' });
  const [people, setPeople] = useState<PersonRef[]>([]);
  return (
    <Stack>
      {act.error && <Alert color="red">{act.error.message}</Alert>}
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))', gap: 12 }} aria-label="Opportunity board">
        {STAGES.map(([stage, label]) => {
          const cards = (list.data ?? []).filter((o) => o.stage === stage);
          return (
            <Stack key={stage} gap="xs" p="xs" style={{ background: 'var(--mantine-color-default-hover)', borderRadius: 8, minHeight: 120 }} aria-label={`Stage: ${label}`} role="region">
              <Group justify="space-between">
                <Text fw={600} size="sm">
                  {label}
                </Text>
                <Badge size="sm" variant="light">
                  {cards.length}
                </Badge>
              </Group>
              {cards.map((o) => (
                <Card key={o.id} withBorder padding="xs" aria-label={o.title}>
                  <Text size="sm" fw={500}>
                    {o.title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {[o.kind, o.organization?.name].filter(Boolean).join(' · ')}
                  </Text>
                  {o.nextStep && (
                    <Text size="xs">
                      Next: {o.nextStep}
                      {o.dueOn ? ` (by ${o.dueOn})` : ''}
                    </Text>
                  )}
                  <Group gap={4}>
                    {o.people.map((p) => (
                      <Link key={p.id} to={`/people/${p.id}`} style={{ fontSize: 12 }}>
                        {p.name}
                      </Link>
                    ))}
                  </Group>
                  <Select size="xs" mt={4} aria-label={`Stage of ${o.title}`} data={STAGES.map(([value, l]) => ({ value, label: l }))} value={o.stage} onChange={(v) => v && act.mutate(() => patch(`/opportunities/${o.id}`, { stage: v }))} allowDeselect={false} />
                </Card>
              ))}
            </Stack>
          );
        })}
      </div>
      <Card withBorder component="form" aria-label="New opportunity" onSubmit={(e: FormEvent) => (e.preventDefault(), act.mutate(() => post('/opportunities', { ...form, organization: form.organization || null, nextStep: form.nextStep || null, due: form.due || null, people: people.map((p) => p.id) }).then(() => (setForm({ ...form, title: '', organization: '', nextStep: '', due: '' }), setPeople([])))))}>
        <Stack gap="xs">
          <Title order={3} size="h5">
            New opportunity
          </Title>
          <Group grow align="flex-start">
            <TextInput label="Opportunity" value={form.title} onChange={(e) => setForm({ ...form, title: e.currentTarget.value })} required />
            <Select label="Kind" data={KINDS} value={form.kind} onChange={(v) => setForm({ ...form, kind: v ?? 'other' })} allowDeselect={false} />
            <TextInput label="Organization" value={form.organization} onChange={(e) => setForm({ ...form, organization: e.currentTarget.value })} />
          </Group>
          <Group grow align="flex-start">
            <TextInput label="Next step" value={form.nextStep} onChange={(e) => setForm({ ...form, nextStep: e.currentTarget.value })} />
            <TextInput label="Due" type="date" value={form.due} onChange={(e) => setForm({ ...form, due: e.currentTarget.value })} />
          </Group>
          <PersonPicker label="People involved" value={people} onChange={setPeople} />
          <Group>
            <Button type="submit">Add</Button>
          </Group>
        </Stack>
      </Card>
    </Stack>
  );
}

function Introductions() {
  const data = useQuery({ queryKey: ['introductions'], queryFn: () => get<{ made: Introduction[]; received: Array<{ person: PersonRef; by: PersonRef }> }>('/introductions') });
  const act = useAct();
  const [a, setA] = useState<PersonRef[]>([]);
  const [b, setB] = useState<PersonRef[]>([]);
  const [why, setWhy] = useState('');
  return (
    <Stack>
      {act.error && <Alert color="red">{act.error.message}</Alert>}
      <Card withBorder component="form" aria-label="New introduction" onSubmit={(e: FormEvent) => (e.preventDefault(), act.mutate(() => post('/introductions', { a: a[0]!.id, b: b[0]!.id, why: why || null }).then(() => (setA([]), setB([]), setWhy('')))))}>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <PersonPicker label="Introduce" value={a} onChange={(v) => setA(v.slice(-1))} />
          <PersonPicker label="to" value={b} onChange={(v) => setB(v.slice(-1))} />
          <TextInput label="Why they should meet" value={why} onChange={(e) => setWhy(e.currentTarget.value)} />
        </SimpleGrid>
        <Button type="submit" mt="xs" disabled={!a.length || !b.length}>
          Propose
        </Button>
      </Card>
      {(data.data?.made ?? []).map((i) => (
        <Card key={i.id} withBorder padding="sm">
          <Group justify="space-between">
            <Text fw={500}>
              {i.a.name} ↔ {i.b.name}
            </Text>
            <Select size="xs" aria-label={`Status of ${i.a.name} and ${i.b.name}`} data={['proposed', 'asked', 'accepted', 'made', 'declined']} value={i.status} onChange={(v) => v && act.mutate(() => patch(`/introductions/${i.id}`, { status: v }))} allowDeselect={false} w={130} />
          </Group>
          <Text size="xs" c="dimmed" mt={4}>
            Ask {i.a.name} first:
          </Text>
          <Code block>{i.status === 'proposed' || i.status === 'asked' ? i.messages.askA : i.messages.introduction}</Code>
        </Card>
      ))}
      {(data.data?.received ?? []).length > 0 && (
        <Stack gap={2}>
          <Title order={3} size="h5">
            Introduced to you
          </Title>
          {data.data!.received.map((r) => (
            <Text key={r.person.id} size="sm">
              <Link to={`/people/${r.person.id}`}>{r.person.name}</Link>, by <Link to={`/people/${r.by.id}`}>{r.by.name}</Link>
            </Text>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function CirclesAndBrand() {
  const act = useAct();
  const mentors = useQuery({ queryKey: ['mentorships'], queryFn: () => get<Array<{ id: string; person: PersonRef; role: string; focus: string | null; sessions: number; endedOn: string | null }>>('/mentorships') });
  const circle = useQuery({ queryKey: ['support-circle'], queryFn: () => get<PersonRef[]>('/support-circle') });
  const brand = useQuery({ queryKey: ['brand'], queryFn: () => get<Array<{ id: string; kind: string; title: string; audience: string | null; engaged: PersonRef[]; active: boolean }>>('/brand') });
  const [who, setWho] = useState<PersonRef[]>([]);
  const [role, setRole] = useState('mentor');
  const [focus, setFocus] = useState('');
  const [supporter, setSupporter] = useState<PersonRef[]>([]);
  const [item, setItem] = useState({ kind: 'pitch', title: '', audience: '' });
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }}>
      <Card withBorder>
        <Title order={3} size="h5" mb="xs">
          Mentorship
        </Title>
        {(mentors.data ?? []).map((m) => (
          <Text key={m.id} size="sm">
            <Link to={`/people/${m.person.id}`}>{m.person.name}</Link> — {m.role}
            {m.focus ? `, ${m.focus}` : ''} · {m.sessions} sessions{m.endedOn ? ' (ended)' : ''}
          </Text>
        ))}
        <Stack gap={4} mt="xs" component="form" onSubmit={(e: FormEvent) => (e.preventDefault(), act.mutate(() => post('/mentorships', { person: who[0]!.id, role, focus: focus || null }).then(() => (setWho([]), setFocus('')))))}>
          <PersonPicker label="Person" value={who} onChange={(v) => setWho(v.slice(-1))} />
          <Select label="They are my" data={[{ value: 'mentor', label: 'mentor' }, { value: 'mentee', label: 'mentee' }]} value={role} onChange={(v) => setRole(v ?? 'mentor')} allowDeselect={false} />
          <TextInput label="Focus" value={focus} onChange={(e) => setFocus(e.currentTarget.value)} />
          <Button type="submit" size="xs" disabled={!who.length}>
            Add
          </Button>
        </Stack>
      </Card>
      <Card withBorder>
        <Title order={3} size="h5" mb="xs">
          Support circle
        </Title>
        <Text size="xs" c="dimmed">
          Checked in with every two weeks, whatever their tier.
        </Text>
        {(circle.data ?? []).map((p) => (
          <Text key={p.id} size="sm">
            <Link to={`/people/${p.id}`}>{p.name}</Link>
          </Text>
        ))}
        <Stack gap={4} mt="xs" component="form" onSubmit={(e: FormEvent) => (e.preventDefault(), act.mutate(() => post('/support-circle', { people: supporter.map((p) => p.id) }).then(() => setSupporter([]))))}>
          <PersonPicker label="Add to the circle" value={supporter} onChange={setSupporter} />
          <Button type="submit" size="xs" disabled={!supporter.length}>
            Add
          </Button>
        </Stack>
      </Card>
      <Card withBorder>
        <Title order={3} size="h5" mb="xs">
          Personal brand
        </Title>
        {(brand.data ?? []).filter((b) => b.active).map((b) => (
          <Text key={b.id} size="sm">
            <Badge size="xs" variant="light" mr={4}>
              {b.kind}
            </Badge>
            {b.title}
            {b.audience ? ` (for ${b.audience})` : ''}
            {b.engaged.length ? ` · ${b.engaged.length} engaged` : ''}
          </Text>
        ))}
        <Stack gap={4} mt="xs" component="form" onSubmit={(e: FormEvent) => (e.preventDefault(), act.mutate(() => post('/brand', { ...item, audience: item.audience || null }).then(() => setItem({ ...item, title: '', audience: '' }))))}>
          <Select label="Kind" data={['pitch', 'offer', 'ask', 'content']} value={item.kind} onChange={(v) => setItem({ ...item, kind: v ?? 'pitch' })} allowDeselect={false} />
          <TextInput label="Text or title" value={item.title} onChange={(e) => setItem({ ...item, title: e.currentTarget.value })} required />
          <TextInput label="For whom" value={item.audience} onChange={(e) => setItem({ ...item, audience: e.currentTarget.value })} />
          <Button type="submit" size="xs">
            Add
          </Button>
        </Stack>
      </Card>
    </SimpleGrid>
  );
}

export default function CareerPage() {
  return (
    <Stack>
      <Title order={2}>Career</Title>
      <Tabs defaultValue="board" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="board">Opportunities</Tabs.Tab>
          <Tabs.Tab value="intros">Introductions</Tabs.Tab>
          <Tabs.Tab value="circles">Mentors, circle and brand</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="board" pt="md">
          <Board />
        </Tabs.Panel>
        <Tabs.Panel value="intros" pt="md">
          <Introductions />
        </Tabs.Panel>
        <Tabs.Panel value="circles" pt="md">
          <CirclesAndBrand />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
