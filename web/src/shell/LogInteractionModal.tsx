import { Alert, Button, Group, Modal, SegmentedControl, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { patch, post } from '../api';
import type { Interaction, PersonRef } from '../types';
import { PersonPicker } from './PersonPicker';

export const KINDS = ['meeting', 'call', 'video', 'message', 'email', 'event', 'intro', 'other'];

function today(): string {
  const d = new Date();
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

/** Logs a new interaction, or, given `editing`, corrects that one. */
export function LogInteractionModal({ opened, onClose, people = [], editing }: { opened: boolean; onClose: () => void; people?: PersonRef[]; editing?: Interaction }) {
  const client = useQueryClient();
  const [withPeople, setWith] = useState<PersonRef[]>(people);
  const [kind, setKind] = useState('meeting');
  const [at, setAt] = useState(today());
  const [direction, setDirection] = useState('mutual');
  const [summary, setSummary] = useState('');
  const [followUp, setFollowUp] = useState<string | null>(null);
  useEffect(() => {
    if (opened) {
      setWith(editing?.participants ?? people);
      setKind(editing?.kind ?? 'meeting');
      setDirection(editing?.direction ?? 'mutual');
      setSummary(editing?.summary ?? '');
      setFollowUp(null);
      setAt(editing?.occurredAt.slice(0, 10) ?? today());
    }
    // Reset only when the dialog opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened]);
  const log = useMutation({
    mutationFn: async () => {
      if (editing) {
        // The date is sent only if it changed: sending it again would move the time to noon.
        const moved = at !== editing.occurredAt.slice(0, 10) ? { at } : {};
        const ids = withPeople.map((p) => p.id);
        const regrouped = ids.length !== editing.participants.length || editing.participants.some((p) => !ids.includes(p.id)) ? { with: ids } : {};
        await patch(`/interactions/${editing.id}`, { kind, direction, summary: summary.trim() || null, ...moved, ...regrouped });
        return;
      }
      await post('/interactions', { kind, with: withPeople.map((p) => p.id), at, direction, summary: summary.trim() || undefined });
      // A promise made in the conversation becomes a follow-up on Today when it is due.
      if (followUp) {
        for (const p of withPeople) await post('/reminders', { title: `Follow up with ${p.name}${summary.trim() ? ': ' + summary.trim().slice(0, 80) : ''}`, about: p.id, in: followUp, kind: 'follow_up' });
      }
    },
    onSuccess: () => {
      void client.invalidateQueries();
      onClose();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    log.mutate();
  };
  return (
    <Modal opened={opened} onClose={onClose} title={editing ? 'Edit the interaction' : 'Log an interaction'} size="lg">
      <Stack component="form" onSubmit={submit}>
        {log.error && <Alert color="red">{log.error.message}</Alert>}
        <PersonPicker label="With" value={withPeople} onChange={setWith} required />
        <Group grow align="flex-start">
          <Select label="Kind" data={KINDS} value={kind} onChange={(v) => setKind(v ?? 'meeting')} allowDeselect={false} />
          <TextInput label="Date" type="date" value={at} onChange={(e) => setAt(e.currentTarget.value)} required />
        </Group>
        <SegmentedControl
          aria-label="Direction"
          value={direction}
          onChange={setDirection}
          data={[
            { value: 'outbound', label: 'I reached out' },
            { value: 'inbound', label: 'They reached out' },
            { value: 'mutual', label: 'Both' },
          ]}
        />
        <Textarea label="Summary" autosize minRows={2} value={summary} onChange={(e) => setSummary(e.currentTarget.value)} placeholder="What you talked about, what you promised" />
        {!editing && (
          <Select
            label="Follow up"
            value={followUp}
            onChange={setFollowUp}
            clearable
            placeholder="No follow-up"
            data={[
              { value: '1d', label: 'Tomorrow' },
              { value: '3d', label: 'In 3 days' },
              { value: '1w', label: 'In a week' },
              { value: '2w', label: 'In two weeks' },
              { value: '1mo', label: 'In a month' },
            ]}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={log.isPending} disabled={withPeople.length === 0}>
            {editing ? 'Save' : 'Log'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
