import { Alert, Badge, Button, Card, Group, MultiSelect, NumberInput, Progress, SimpleGrid, Stack, TagsInput, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { get, post } from '../api';
import { TIERS } from '../people/tiers';
import { Link } from '../shell/router';

interface KeyResult {
  id: string;
  label: string;
  current: number;
  target: number;
  fraction: number;
  done: boolean;
}

interface Goal {
  id: string;
  title: string;
  why: string | null;
  targetDate: string | null;
  status: string;
  audience: { id: string; name: string } | null;
  keyResults: KeyResult[];
  progress: number;
}

interface Coverage {
  people: number;
  bands: { strong: number; medium: number; weak: number; none: number };
  organizationsWithoutStrongTie: Array<{ organizationId: string; name: string; people: number; bestStrength: number }>;
  meetNext: Array<{ personId: string; name: string; organization: string | null; strength: number }>;
}

const BANDS = [
  ['strong', 'Strong', 'teal'],
  ['medium', 'Medium', 'yellow'],
  ['weak', 'Weak', 'orange'],
  ['none', 'Not met', 'gray'],
] as const;

function CoverageView({ audienceId }: { audienceId: string }) {
  const data = useQuery({ queryKey: ['audience', audienceId], queryFn: () => get<{ coverage: Coverage }>(`/audiences/${audienceId}`) });
  const c = data.data?.coverage;
  if (!c) return <Text size="sm" c="dimmed">Counting…</Text>;
  return (
    <Stack gap="xs" aria-label="Coverage">
      <Text size="sm" fw={500}>
        You know {c.people} people in this audience
      </Text>
      <Progress.Root size="lg" aria-label="Coverage by tie strength">
        {BANDS.map(([band, label, color]) =>
          c.bands[band] > 0 ? (
            <Progress.Section key={band} value={(c.bands[band] / Math.max(1, c.people)) * 100} color={color} title={`${label}: ${c.bands[band]}`}>
              <Progress.Label>{c.bands[band]}</Progress.Label>
            </Progress.Section>
          ) : null,
        )}
      </Progress.Root>
      <Group gap="xs">
        {BANDS.map(([band, label, color]) => (
          <Badge key={band} color={color} variant="light" data-testid={`band-${band}`}>
            {label}: {c.bands[band]}
          </Badge>
        ))}
      </Group>
      {c.organizationsWithoutStrongTie.length > 0 && (
        <Text size="sm">
          No strong tie yet at: {c.organizationsWithoutStrongTie.map((o) => `${o.name} (${o.people})`).join(', ')}
        </Text>
      )}
      {c.meetNext.length > 0 && (
        <Text size="sm">
          Meet next:{' '}
          {c.meetNext.map((p, i) => (
            <span key={p.personId}>
              {i > 0 && ', '}
              <Link to={`/people/${p.personId}`}>{p.name}</Link>
            </span>
          ))}
        </Text>
      )}
    </Stack>
  );
}

function GoalCard({ goal }: { goal: Goal }) {
  const client = useQueryClient();
  const done = useMutation({ mutationFn: () => post(`/goals/${goal.id}/done`), onSuccess: () => client.invalidateQueries() });
  return (
    <Card withBorder aria-label={`Goal: ${goal.title}`} component="article">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Title order={3} size="h4">
              {goal.title}
            </Title>
            <Text size="sm" c="dimmed">
              {[goal.why, goal.targetDate && `by ${goal.targetDate}`, goal.audience && `audience: ${goal.audience.name}`].filter(Boolean).join(' · ')}
            </Text>
          </Stack>
          {goal.status === 'done' ? (
            <Badge color="teal">done</Badge>
          ) : (
            <Button size="xs" variant="default" onClick={() => done.mutate()}>
              Mark done
            </Button>
          )}
        </Group>
        {goal.keyResults.map((kr) => (
          <div key={kr.id}>
            <Group justify="space-between">
              <Text size="sm">{kr.label}</Text>
              <Text size="sm" c="dimmed">
                {kr.current} / {kr.target}
              </Text>
            </Group>
            <Progress value={kr.fraction * 100} color={kr.done ? 'teal' : undefined} aria-label={`${kr.label}: ${kr.current} of ${kr.target}`} />
          </div>
        ))}
        {goal.audience && <CoverageView audienceId={goal.audience.id} />}
      </Stack>
    </Card>
  );
}

function NewGoal() {
  const client = useQueryClient();
  const [form, setForm] = useState({ title: '', why: '', by: '', meet: 10 as number | string, perMonth: '' as number | string, audience: '', tags: [] as string[], organizations: [] as string[], titles: [] as string[], locations: [] as string[], tiers: [] as string[] });
  const add = useMutation({
    mutationFn: async () => {
      const filter = { tags: form.tags, organizations: form.organizations, titles: form.titles, locations: form.locations, tiers: form.tiers };
      const hasAudience = Object.values(filter).some((l) => l.length > 0);
      const audienceName = form.audience.trim() || `${form.title.trim()} audience`;
      if (hasAudience) await post('/audiences', { name: audienceName, filter });
      const keyResults = [form.meet ? `meet:${form.meet}` : null, form.perMonth ? `interactions:${form.perMonth}/month` : null].filter(Boolean);
      return post('/goals', { title: form.title, why: form.why || null, by: form.by || null, keyResults, audience: hasAudience ? audienceName : null });
    },
    onSuccess: () => {
      setForm({ ...form, title: '', why: '', by: '', audience: '', tags: [], organizations: [], titles: [], locations: [], tiers: [] });
      void client.invalidateQueries();
    },
  });
  return (
    <Card withBorder component="form" onSubmit={(e: FormEvent) => (e.preventDefault(), add.mutate())} aria-label="New goal">
      <Stack>
        <Title order={3} size="h4">
          New goal
        </Title>
        {add.error && <Alert color="red">{add.error.message}</Alert>}
        <TextInput label="Goal" placeholder="Meet product leaders in fintech" value={form.title} onChange={(e) => setForm({ ...form, title: e.currentTarget.value })} required />
        <Group grow align="flex-start">
          <Textarea label="Why" autosize value={form.why} onChange={(e) => setForm({ ...form, why: e.currentTarget.value })} />
          <TextInput label="By" type="date" value={form.by} onChange={(e) => setForm({ ...form, by: e.currentTarget.value })} />
        </Group>
        <Group grow align="flex-start">
          <NumberInput label="People to meet" hideControls min={1} value={form.meet} onChange={(v) => setForm({ ...form, meet: v })} />
          <NumberInput label="Interactions a month" hideControls min={1} value={form.perMonth} onChange={(v) => setForm({ ...form, perMonth: v })} />
        </Group>
        <Text size="sm" fw={500}>
          Target audience (every field narrows it; leave all empty for none)
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Audience name" placeholder="Fintech product leaders" value={form.audience} onChange={(e) => setForm({ ...form, audience: e.currentTarget.value })} />
          <TagsInput label="Tags" value={form.tags} onChange={(tags) => setForm({ ...form, tags })} />
          <TagsInput label="Organizations" value={form.organizations} onChange={(organizations) => setForm({ ...form, organizations })} />
          <TagsInput label="Titles containing" placeholder="product, VP" value={form.titles} onChange={(titles) => setForm({ ...form, titles })} />
          <TagsInput label="Locations" value={form.locations} onChange={(locations) => setForm({ ...form, locations })} />
          <MultiSelect label="Tiers" data={TIERS} value={form.tiers} onChange={(tiers) => setForm({ ...form, tiers })} />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={add.isPending}>
            Add goal
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

export default function GoalsPage() {
  const goals = useQuery({ queryKey: ['goals'], queryFn: () => get<Goal[]>('/goals') });
  return (
    <Stack maw={900}>
      <Title order={2}>Goals</Title>
      <Text c="dimmed" size="sm">
        Progress is counted from what you log, never typed in. People in an active goal's audience whom you barely know show up on Today, a few at a time.
      </Text>
      {goals.error && <Alert color="red">{goals.error.message}</Alert>}
      {(goals.data ?? []).map((g) => (
        <GoalCard key={g.id} goal={g} />
      ))}
      <NewGoal />
    </Stack>
  );
}
