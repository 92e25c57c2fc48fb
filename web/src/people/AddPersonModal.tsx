import { Alert, Button, Group, Modal, Select, Stack, TagsInput, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { post } from '../api';
import { navigate } from '../shell/router';
import type { Person } from '../types';
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
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  return (
    <Modal opened={opened} onClose={onClose} title="Add a person" size="lg">
      <Stack component="form" onSubmit={submit}>
        {add.error && <Alert color="red">{add.error.message}</Alert>}
        <TextInput label="Name" required value={form.name} onChange={(e) => set('name')(e.currentTarget.value)} data-autofocus />
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
