import { Alert, Badge, Button, Card, Group, Loader, Menu, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { get, post } from '../api';
import { LogInteractionModal } from '../shell/LogInteractionModal';
import { Link } from '../shell/router';
import type { PersonRef, QueueEntry, Reminder, TodayQueue } from '../types';

const REASON_COLORS: Record<string, string> = { overdue: 'red', due: 'orange', birthday: 'pink', follow_up: 'blue', reminder: 'blue', new_job: 'grape', anniversary: 'violet', dormant: 'gray' };

function Entry({ entry, onLog }: { entry: QueueEntry; onLog: (p: PersonRef) => void }) {
  const client = useQueryClient();
  const act = useMutation({
    mutationFn: ({ action, body }: { action: 'done' | 'snooze' | 'skip'; body?: unknown }) => post(`/today/${entry.personId}/${action}`, body ?? {}),
    onSuccess: () => client.invalidateQueries(),
  });
  return (
    <Card withBorder padding="md" component="li" aria-label={entry.name}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={4} style={{ flex: 1, minWidth: 220 }}>
          <Group gap="xs">
            <Text fw={600} component={Link} to={`/people/${entry.personId}`} c="inherit" style={{ textDecoration: 'none' }}>
              {entry.name}
            </Text>
            {entry.company && (
              <Text c="dimmed" size="sm">
                {entry.company}
              </Text>
            )}
            {entry.tier && <Badge variant="outline">{entry.tier}</Badge>}
          </Group>
          {entry.reasons.map((r) => (
            <Group key={r.kind + r.text} gap={6} wrap="nowrap">
              <Badge color={REASON_COLORS[r.kind] ?? 'teal'} variant="light" style={{ flexShrink: 0 }}>
                {r.kind.replace('_', ' ')}
              </Badge>
              <Text size="sm">{r.text}</Text>
            </Group>
          ))}
          <Text size="sm" c="dimmed">
            {entry.action} · strength {entry.strength}
          </Text>
        </Stack>
        <Group gap="xs">
          <Button size="xs" onClick={() => onLog({ id: entry.personId, name: entry.name })}>
            Log
          </Button>
          <Button size="xs" variant="light" loading={act.isPending && act.variables?.action === 'done'} onClick={() => act.mutate({ action: 'done' })} aria-label={`Done with ${entry.name}`}>
            Done
          </Button>
          <Menu position="bottom-end">
            <Menu.Target>
              <Button size="xs" variant="default" aria-label={`Snooze ${entry.name}`}>
                Snooze
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              {[
                ['3d', '3 days'],
                ['1w', 'A week'],
                ['2w', 'Two weeks'],
                ['1mo', 'A month'],
              ].map(([span, label]) => (
                <Menu.Item key={span} onClick={() => act.mutate({ action: 'snooze', body: { for: span } })}>
                  {label}
                </Menu.Item>
              ))}
              <Menu.Item onClick={() => act.mutate({ action: 'skip' })}>Skip today</Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Group>
      {act.error && (
        <Alert color="red" mt="xs">
          {act.error.message}
        </Alert>
      )}
    </Card>
  );
}

export default function TodayPage() {
  const queue = useQuery({ queryKey: ['today'], queryFn: () => get<TodayQueue>('/today?limit=15') });
  const [logWith, setLogWith] = useState<PersonRef[] | null>(null);
  const client = useQueryClient();
  const reminderDone = useMutation({ mutationFn: (id: string) => post(`/reminders/${id}/done`), onSuccess: () => client.invalidateQueries() });
  // Follow-ups due in the coming week, so that promises made at an event are in view.
  const open = useQuery({ queryKey: ['reminders', 'open'], queryFn: () => get<{ items: Reminder[] }>('/reminders?limit=200').then((p) => p.items) });
  const week = Date.now() + 7 * 86_400_000;
  const upcoming = (open.data ?? []).filter((r) => r.kind === 'follow_up' && r.person && Date.parse(r.dueAt) > Date.now() && Date.parse(r.dueAt) <= week);
  return (
    <Stack maw={900}>
      <Group justify="space-between">
        <Title order={2}>Today</Title>
        {queue.data && (
          <Text c="dimmed" size="sm">
            {queue.data.day} · {queue.data.timezone}
          </Text>
        )}
      </Group>
      {queue.isLoading && <Loader aria-label="Loading the queue" />}
      {queue.error && <Alert color="red">{queue.error.message}</Alert>}
      {queue.data && queue.data.entries.length === 0 && <Alert color="teal">Nobody needs you today. Add people or set cadences, and they will show up here when they are due.</Alert>}
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Queue">
        {queue.data?.entries.map((e) => <Entry key={e.personId} entry={e} onLog={(p) => setLogWith([p])} />)}
      </Stack>
      {queue.data && queue.data.reminders.length > 0 && (
        <>
          <Title order={3}>Reminders</Title>
          {queue.data.reminders.map((r) => (
            <Card key={r.id} withBorder padding="sm">
              <Group justify="space-between">
                <Text>{r.title}</Text>
                <Button size="xs" variant="light" onClick={() => reminderDone.mutate(r.id)}>
                  Done
                </Button>
              </Group>
            </Card>
          ))}
        </>
      )}
      {upcoming.length > 0 && (
        <>
          <Title order={3}>Follow-ups this week</Title>
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Follow-ups this week">
            {upcoming.map((r) => (
              <Card key={r.id} withBorder padding="sm" component="li">
                <Group justify="space-between" wrap="nowrap">
                  <Text size="sm">
                    <Link to={`/people/${r.person!.id}`}>{r.person!.name}</Link>: {r.title}{' '}
                    <Text span c="dimmed" size="xs">
                      {new Date(r.dueAt).toLocaleDateString()}
                    </Text>
                  </Text>
                  <Button size="xs" variant="light" onClick={() => reminderDone.mutate(r.id)}>
                    Done
                  </Button>
                </Group>
              </Card>
            ))}
          </Stack>
        </>
      )}
      <LogInteractionModal opened={logWith !== null} onClose={() => setLogWith(null)} people={logWith ?? []} />
    </Stack>
  );
}
