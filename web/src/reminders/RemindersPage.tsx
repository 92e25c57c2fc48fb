import { Alert, Badge, Button, Card, Group, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { del, get, post, query } from '../api';
import { Link } from '../shell/router';
import type { Reminder } from '../types';
import { pastDueHint } from './due-hint';

export default function RemindersPage() {
  const client = useQueryClient();
  const [all, setAll] = useState(false);
  const [form, setForm] = useState({ title: '', at: '', rrule: '' });
  const list = useQuery({ queryKey: ['reminders', all], queryFn: () => get<{ items: Reminder[] }>('/reminders' + query({ all, limit: 500 })).then((p) => p.items) });
  const act = useMutation({ mutationFn: (fn: () => Promise<unknown>) => fn(), onSuccess: () => client.invalidateQueries() });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    act.mutate(() => post('/reminders', { title: form.title, at: form.at || undefined, in: form.at ? undefined : '1d', rrule: form.rrule.trim() || undefined }).then(() => setForm({ title: '', at: '', rrule: '' })));
  };
  return (
    <Stack maw={800}>
      <Title order={2}>Reminders</Title>
      <Card withBorder component="form" onSubmit={submit}>
        <Group align="flex-end">
          <TextInput label="Remind me to" value={form.title} onChange={(e) => setForm({ ...form, title: e.currentTarget.value })} required style={{ flex: 2 }} />
          <TextInput label="On" type="date" description={pastDueHint(form.at)} value={form.at} onChange={(e) => setForm({ ...form, at: e.currentTarget.value })} />
          <TextInput label="Repeat (RRULE)" placeholder="FREQ=MONTHLY" value={form.rrule} onChange={(e) => setForm({ ...form, rrule: e.currentTarget.value })} />
          <Button type="submit">Add</Button>
        </Group>
      </Card>
      {(act.error ?? list.error) && <Alert color="red">{(act.error ?? list.error)!.message}</Alert>}
      <Switch label="Show done and snoozed" checked={all} onChange={(e) => setAll(e.currentTarget.checked)} />
      {(list.data ?? []).map((r) => (
        <Card key={r.id} withBorder padding="sm">
          <Group justify="space-between" wrap="nowrap">
            <Stack gap={2}>
              <Text>{r.title}</Text>
              <Group gap="xs">
                <Text size="xs" c="dimmed">
                  due {new Date(r.dueAt).toLocaleString()}
                </Text>
                {r.person && (
                  <Text size="xs">
                    about <Link to={`/people/${r.person.id}`}>{r.person.name}</Link>
                  </Text>
                )}
                {r.rrule && <Badge size="xs">repeats</Badge>}
                {r.doneAt && <Badge size="xs" color="gray">done</Badge>}
              </Group>
            </Stack>
            <Group gap={4} wrap="nowrap">
              {!r.doneAt && (
                <>
                  <Button size="xs" variant="light" onClick={() => act.mutate(() => post(`/reminders/${r.id}/done`))}>
                    Done
                  </Button>
                  <Button size="xs" variant="default" onClick={() => act.mutate(() => post(`/reminders/${r.id}/snooze`, { for: '1d' }))}>
                    Tomorrow
                  </Button>
                </>
              )}
              <Button size="xs" variant="subtle" color="red" onClick={() => act.mutate(() => del(`/reminders/${r.id}`))} aria-label={`Delete ${r.title}`}>
                Delete
              </Button>
            </Group>
          </Group>
        </Card>
      ))}
      {list.data?.length === 0 && <Text c="dimmed">No reminders.</Text>}
    </Stack>
  );
}
