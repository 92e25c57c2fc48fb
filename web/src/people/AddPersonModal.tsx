import { Alert, Anchor, Button, Group, Modal, Select, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { get, post, query } from '../api';
import { navigate } from '../shell/router';
import type { Person, SearchHit } from '../types';
import { TIERS } from './tiers';

export function AddPersonModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const client = useQueryClient();
  const empty = { name: '', email: '', phone: '', company: '', title: '', tier: null as string | null, tags: [] as string[], howMet: '' };
  const [form, setForm] = useState(empty);
  const set = (field: keyof typeof empty) => (value: string | string[] | null) => setForm((f) => ({ ...f, [field]: value }));
  const add = useMutation({
    mutationFn: () =>
      post<Person>('/people', {
        name: form.name,
        emails: form.email.trim() ? [form.email.trim()] : [],
        phones: form.phone.trim() ? [form.phone.trim()] : [],
        company: form.company.trim() || null,
        title: form.title.trim() || null,
        tier: form.tier,
        tags: form.tags,
        howMet: form.howMet.trim() || null,
      }),
    onSuccess: (person) => {
      void client.invalidateQueries();
      setForm(empty);
      onClose();
      navigate(`/people/${person.id}`);
    },
  });
  // Someone already known by that name is shown as the name is typed: the same person
  // added twice is the duplicate most easily avoided.
  const [typed] = useDebouncedValue(form.name.trim().replace(/\s+/g, ' ').toLowerCase(), 250);
  const namesakes = useQuery({
    queryKey: ['search', typed, 10],
    queryFn: () => get<SearchHit[]>('/search' + query({ q: typed, limit: 10 })),
    enabled: opened && typed.length > 2,
    select: (hits) => hits.map((h) => h.person).filter((p) => p.name.replace(/\s+/g, ' ').toLowerCase() === typed),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  return (
    <Modal opened={opened} onClose={onClose} title="Add a person" size="lg">
      <Stack component="form" onSubmit={submit}>
        {add.error && <Alert color="red">{add.error.message}</Alert>}
        <TextInput label="Name" required value={form.name} onChange={(e) => set('name')(e.currentTarget.value)} data-autofocus />
        {(namesakes.data ?? []).length > 0 && (
          <Text size="sm" c="dimmed" role="status">
            Already in Kith with that name:{' '}
            {namesakes.data!.map((p, i) => (
              <span key={p.id}>
                {i > 0 && ', '}
                <Anchor
                  href={`/people/${p.id}`}
                  onClick={(e) => {
                    e.preventDefault();
                    onClose();
                    navigate(`/people/${p.id}`);
                  }}
                >
                  {p.name}
                  {p.company ? ` (${p.company})` : p.emails[0] ? ` (${p.emails[0]})` : ''}
                </Anchor>
              </span>
            ))}
          </Text>
        )}
        <Group grow align="flex-start">
          <TextInput label="Email" type="email" value={form.email} onChange={(e) => set('email')(e.currentTarget.value)} />
          <TextInput label="Phone" value={form.phone} onChange={(e) => set('phone')(e.currentTarget.value)} />
        </Group>
        <Group grow align="flex-start">
          <TextInput label="Company" value={form.company} onChange={(e) => set('company')(e.currentTarget.value)} />
          <TextInput label="Title" value={form.title} onChange={(e) => set('title')(e.currentTarget.value)} />
        </Group>
        <Group grow align="flex-start">
          <Select label="Tier" data={TIERS} value={form.tier} onChange={set('tier')} clearable placeholder="None" />
          <TagsInput label="Tags" value={form.tags} onChange={set('tags')} placeholder="Enter to add" />
        </Group>
        <TextInput label="How you met" value={form.howMet} onChange={(e) => set('howMet')(e.currentTarget.value)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={add.isPending}>
            Add
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
