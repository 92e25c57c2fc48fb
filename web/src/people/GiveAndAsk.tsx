import { Badge, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { get, post, query } from '../api';

interface Exchange {
  id: string;
  direction: string;
  kind: string;
  description: string | null;
  occurredOn: string;
}

const KINDS = ['advice', 'intro', 'referral', 'resource', 'endorsement', 'support', 'other'];

/** The ledger with one person: what you gave, asked and received, and the balance. */
export function GiveAndAsk({ personId }: { personId: string }) {
  const client = useQueryClient();
  const balance = useQuery({ queryKey: ['person', personId, 'balance'], queryFn: () => get<{ gave: number; asked: number; received: number; balance: number }>(`/people/${personId}/balance`) });
  const list = useQuery({ queryKey: ['person', personId, 'exchanges'], queryFn: () => get<Exchange[]>('/exchanges' + query({ person: personId, limit: 20 })) });
  const [form, setForm] = useState({ direction: 'gave', kind: 'advice', description: '' });
  const add = useMutation({
    mutationFn: () => post('/exchanges', { person: personId, ...form, description: form.description || null }),
    onSuccess: () => {
      setForm({ ...form, description: '' });
      void client.invalidateQueries({ queryKey: ['person', personId] });
      void client.invalidateQueries({ queryKey: ['today'] });
    },
  });
  const b = balance.data;
  return (
    <Stack gap="xs">
      {b && (
        <Group gap="xs">
          <Badge color={b.balance < 0 ? 'orange' : 'teal'} aria-label={`Balance ${b.balance}`}>
            balance {b.balance > 0 ? '+' : ''}
            {b.balance}
          </Badge>
          <Text size="sm" c="dimmed">
            gave {b.gave} · asked {b.asked} · received {b.received}
          </Text>
        </Group>
      )}
      {b && b.balance < 0 && (
        <Text size="sm" c="orange">
          Give before you ask again: an intro, a resource, an endorsement.
        </Text>
      )}
      {(list.data ?? []).map((e) => (
        <Text key={e.id} size="sm">
          <Text span c="dimmed">
            {e.occurredOn}
          </Text>{' '}
          {e.direction} {e.kind}
          {e.description ? `: ${e.description}` : ''}
        </Text>
      ))}
      <Group component="form" gap={4} align="flex-end" onSubmit={(e: FormEvent) => (e.preventDefault(), add.mutate())}>
        <Select size="xs" aria-label="Direction" data={[{ value: 'gave', label: 'I gave' }, { value: 'asked', label: 'I asked' }, { value: 'received', label: 'I received' }]} value={form.direction} onChange={(v) => setForm({ ...form, direction: v ?? 'gave' })} allowDeselect={false} w={110} />
        <Select size="xs" aria-label="Kind" data={KINDS} value={form.kind} onChange={(v) => setForm({ ...form, kind: v ?? 'other' })} allowDeselect={false} w={120} />
        <TextInput size="xs" aria-label="What" placeholder="What" value={form.description} onChange={(e) => setForm({ ...form, description: e.currentTarget.value })} style={{ flex: 1 }} />
        <Button size="xs" type="submit" variant="light" loading={add.isPending}>
          Add
        </Button>
      </Group>
    </Stack>
  );
}
