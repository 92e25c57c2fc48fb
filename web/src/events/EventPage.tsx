import { Alert, Badge, Button, Card, Group, Loader, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { get, patch, post } from '../api';
import { Link } from '../shell/router';
import type { Interaction, Note, Person, Reminder } from '../types';
import type { KithEvent } from './EventsPage';

interface Brief {
  event: KithEvent;
  pitch: string | null;
  attendees: Array<{ person: Person; role: string; strength: number; lastInteractions: Interaction[]; notes: Note[]; sharedInterests: string[]; openItems: Reminder[]; talkingPoints: string[] }>;
}

function BriefView({ id }: { id: string }) {
  const brief = useQuery({ queryKey: ['event', id, 'brief'], queryFn: () => get<Brief>(`/events/${id}/brief`) });
  if (!brief.data) return <Loader size="sm" aria-label="Loading the brief" />;
  const b = brief.data;
  return (
    <Stack gap="sm" aria-label="Brief">
      {b.pitch && (
        <Text>
          <b>Your pitch:</b> {b.pitch}
        </Text>
      )}
      {b.attendees.length === 0 && <Text c="dimmed">Add the people you know who will be there to get a brief.</Text>}
      {b.attendees.map((a) => (
        <Card key={a.person.id} withBorder padding="sm" aria-label={`Brief: ${a.person.name}`}>
          <Group gap="xs">
            <Link to={`/people/${a.person.id}`} style={{ fontWeight: 600 }}>
              {a.person.name}
            </Link>
            <Text size="sm" c="dimmed">
              {[a.person.title, a.person.company].filter(Boolean).join(', ')}
            </Text>
            {a.role === 'want_to_meet' && <Badge color="grape">want to meet</Badge>}
            <Badge variant="light">strength {a.strength}</Badge>
          </Group>
          {a.lastInteractions.map((i) => (
            <Text key={i.id} size="sm" c="dimmed">
              {i.occurredAt.slice(0, 10)} {i.kind}
              {i.summary ? `: ${i.summary}` : ''}
            </Text>
          ))}
          {a.notes.map((n) => (
            <Text key={n.id} size="sm" c="dimmed">
              Note: {n.body.split('\n')[0]}
            </Text>
          ))}
          <Stack gap={2} mt={4} component="ul" pl="md" m={0}>
            {a.talkingPoints.map((p) => (
              <Text key={p} size="sm" component="li">
                {p}
              </Text>
            ))}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

function Capture({ id }: { id: string }) {
  const client = useQueryClient();
  const empty = { name: '', company: '', line: '' };
  const [rows, setRows] = useState([{ ...empty }, { ...empty }]);
  const [followUpIn, setFollowUp] = useState('2d');
  const [done, setDone] = useState<string | null>(null);
  const capture = useMutation({
    mutationFn: () => post<{ people: Person[]; reminders: Reminder[] }>(`/events/${id}/capture`, { people: rows.filter((r) => r.name.trim()).map((r) => ({ name: r.name, company: r.company || null, line: r.line || null })), followUpIn }),
    onSuccess: (r) => {
      setDone(`Added ${r.people.map((p) => p.name).join(', ')}, each with a follow-up on ${r.reminders[0]?.dueAt.slice(0, 10)}.`);
      setRows([{ ...empty }, { ...empty }]);
      void client.invalidateQueries();
    },
  });
  const set = (i: number, field: keyof typeof empty, value: string) => setRows(rows.map((r, j) => (j === i ? { ...r, [field]: value } : r)));
  return (
    <Card withBorder component="form" aria-label="Capture" onSubmit={(e: FormEvent) => (e.preventDefault(), capture.mutate())}>
      <Stack gap="xs">
        <Title order={3} size="h4">
          Whom did you meet?
        </Title>
        {capture.error && <Alert color="red">{capture.error.message}</Alert>}
        {done && <Alert color="teal">{done}</Alert>}
        {rows.map((r, i) => (
          <Group key={i} gap="xs" grow>
            <TextInput aria-label={`Name ${i + 1}`} placeholder="Name" value={r.name} onChange={(e) => set(i, 'name', e.currentTarget.value)} />
            <TextInput aria-label={`Company ${i + 1}`} placeholder="Company" value={r.company} onChange={(e) => set(i, 'company', e.currentTarget.value)} />
            <TextInput aria-label={`One line ${i + 1}`} placeholder="One line to remember them by" value={r.line} onChange={(e) => set(i, 'line', e.currentTarget.value)} />
          </Group>
        ))}
        <Group>
          <Button variant="subtle" size="xs" onClick={() => setRows([...rows, { ...empty }])}>
            Another person
          </Button>
          <Select
            aria-label="Follow up"
            value={followUpIn}
            onChange={(v) => setFollowUp(v ?? '2d')}
            allowDeselect={false}
            w={200}
            data={[
              { value: '1d', label: 'Follow up tomorrow' },
              { value: '2d', label: 'Follow up in 2 days' },
              { value: '1w', label: 'Follow up in a week' },
            ]}
          />
          <Button type="submit" loading={capture.isPending} disabled={!rows.some((r) => r.name.trim())}>
            Add them
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

export default function EventPage({ id }: { id: string }) {
  const client = useQueryClient();
  const event = useQuery({ queryKey: ['event', id], queryFn: () => get<KithEvent>(`/events/${id}`) });
  const status = useMutation({ mutationFn: (s: string) => patch(`/events/${id}`, { status: s }), onSuccess: () => client.invalidateQueries() });
  if (event.error) return <Alert color="red">{event.error.message}</Alert>;
  if (!event.data) return <Loader aria-label="Loading" />;
  const e = event.data;
  return (
    <Stack maw={1000}>
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={2}>{e.name}</Title>
          <Text c="dimmed">
            {e.startsOn} · {e.kind}
            {e.place ? ` · ${e.place}` : ''}
          </Text>
        </Stack>
        <Select aria-label="Status" data={['planned', 'attending', 'attended']} value={e.status} onChange={(v) => v && status.mutate(v)} allowDeselect={false} w={150} />
      </Group>
      <Group gap="xs">
        {e.attendees.map((a) => (
          <Badge key={a.person.id} variant={a.role === 'met' ? 'filled' : 'light'} color={a.role === 'want_to_meet' ? 'grape' : 'teal'}>
            {a.person.name}
            {a.role === 'met' ? ' (met)' : a.role === 'want_to_meet' ? ' (to meet)' : ''}
          </Badge>
        ))}
      </Group>
      <Title order={3}>Brief</Title>
      <BriefView id={id} />
      <Capture id={id} />
    </Stack>
  );
}
