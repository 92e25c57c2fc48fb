import { Alert, Badge, Button, Card, Group, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { get, post } from '../api';
import { PersonPicker } from '../shell/PersonPicker';
import { Link, navigate } from '../shell/router';
import type { PersonRef } from '../types';

export interface KithEvent {
  id: string;
  name: string;
  kind: string;
  startsOn: string;
  place: string | null;
  link: string | null;
  status: string;
  pitch: string | null;
  attendees: Array<{ person: { id: string; name: string; company: string | null }; role: string }>;
}

export const KINDS = ['conference', 'meetup', 'dinner', 'webinar', 'workshop', 'other'];

function PlanEvent() {
  const client = useQueryClient();
  const [form, setForm] = useState({ name: '', on: '', kind: 'meetup', place: '', pitch: '' });
  const [attendees, setAttendees] = useState<PersonRef[]>([]);
  const [want, setWant] = useState<PersonRef[]>([]);
  const add = useMutation({
    mutationFn: () => post<KithEvent>('/events', { ...form, place: form.place || null, pitch: form.pitch || null, attendees: attendees.map((p) => p.id), wantToMeet: want.map((p) => p.id) }),
    onSuccess: (e) => {
      void client.invalidateQueries({ queryKey: ['events'] });
      navigate(`/events/${e.id}`);
    },
  });
  return (
    <Card withBorder component="form" aria-label="Plan an event" onSubmit={(e: FormEvent) => (e.preventDefault(), add.mutate())}>
      <Stack>
        <Title order={3} size="h4">
          Plan an event
        </Title>
        {add.error && <Alert color="red">{add.error.message}</Alert>}
        <Group grow align="flex-start">
          <TextInput label="Event" value={form.name} onChange={(e) => setForm({ ...form, name: e.currentTarget.value })} required />
          <TextInput label="Date" type="date" value={form.on} onChange={(e) => setForm({ ...form, on: e.currentTarget.value })} required />
        </Group>
        <Group grow align="flex-start">
          <Select label="Kind" data={KINDS} value={form.kind} onChange={(v) => setForm({ ...form, kind: v ?? 'other' })} allowDeselect={false} />
          <TextInput label="Place" value={form.place} onChange={(e) => setForm({ ...form, place: e.currentTarget.value })} />
        </Group>
        <PersonPicker label="People you know who will be there" value={attendees} onChange={setAttendees} />
        <PersonPicker label="People you want to meet there" value={want} onChange={setWant} />
        <Textarea label="Your pitch for this audience" autosize value={form.pitch} onChange={(e) => setForm({ ...form, pitch: e.currentTarget.value })} />
        <Group>
          <Button type="submit" loading={add.isPending}>
            Plan event
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

export default function EventsPage() {
  const events = useQuery({ queryKey: ['events'], queryFn: () => get<KithEvent[]>('/events') });
  return (
    <Stack maw={900}>
      <Title order={2}>Events</Title>
      {events.error && <Alert color="red">{events.error.message}</Alert>}
      {(events.data ?? []).map((e) => (
        <Card key={e.id} withBorder padding="sm">
          <Group justify="space-between">
            <Stack gap={0}>
              <Link to={`/events/${e.id}`} style={{ fontWeight: 600 }}>
                {e.name}
              </Link>
              <Text size="sm" c="dimmed">
                {e.startsOn} · {e.kind}
                {e.place ? ` · ${e.place}` : ''} · {e.attendees.length} people
              </Text>
            </Stack>
            <Badge variant="light">{e.status}</Badge>
          </Group>
        </Card>
      ))}
      {events.data?.length === 0 && <Text c="dimmed">No events yet.</Text>}
      <PlanEvent />
    </Stack>
  );
}
