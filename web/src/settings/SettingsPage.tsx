import { Alert, Anchor, Button, Card, Code, Group, PasswordInput, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { del, get, post, put, upload } from '../api';
import type { Token } from '../types';

const FIELDS = [
  { key: 'me.name', label: 'Your name' },
  { key: 'me.emails', label: 'Your email addresses', description: 'Comma-separated; tells sent mail from received on import' },
  { key: 'me.interests', label: 'Your interests', description: 'Comma-separated; dormant ties who share them come first' },
  { key: 'timezone', label: 'Time zone', description: 'IANA name, such as Europe/Berlin' },
  { key: 'region', label: 'Phone region', description: 'Two letters, such as DE, for numbers written without a country code' },
];

function Preferences() {
  const client = useQueryClient();
  const settings = useQuery({ queryKey: ['settings'], queryFn: () => get<Record<string, string>>('/settings') });
  const [values, setValues] = useState<Record<string, string>>({});
  useEffect(() => {
    if (settings.data) setValues(settings.data);
  }, [settings.data]);
  const save = useMutation({
    mutationFn: async () => {
      for (const f of FIELDS) {
        const value = (values[f.key] ?? '').trim();
        if (value !== (settings.data?.[f.key] ?? '')) await (value ? put(`/settings/${f.key}`, { value }) : del(`/settings/${f.key}`));
      }
    },
    onSuccess: () => client.invalidateQueries(),
  });
  return (
    <Card withBorder component="form" onSubmit={(e: FormEvent) => (e.preventDefault(), save.mutate())}>
      <Stack>
        <Title order={3} size="h4">
          You
        </Title>
        {save.error && <Alert color="red">{save.error.message}</Alert>}
        {save.isSuccess && <Alert color="teal">Saved.</Alert>}
        {FIELDS.map((f) => (
          <TextInput key={f.key} label={f.label} description={f.description} value={values[f.key] ?? ''} onChange={(e) => setValues({ ...values, [f.key]: e.currentTarget.value })} />
        ))}
        <Group>
          <Button type="submit" loading={save.isPending}>
            Save
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

interface CadenceRule {
  scope: string;
  target: string;
  idealDays: number | null;
  maxDays: number | null;
  label: string;
  isDefault: boolean;
}

function Cadences() {
  const client = useQueryClient();
  const rules = useQuery({ queryKey: ['cadences'], queryFn: () => get<CadenceRule[]>('/cadences') });
  const [form, setForm] = useState({ scope: 'tier', target: '', every: '', max: '' });
  const set = useMutation({
    mutationFn: () => put('/cadences', { [form.scope]: form.target, every: form.every, max: form.max || undefined }),
    onSuccess: () => client.invalidateQueries(),
  });
  return (
    <Card withBorder>
      <Stack>
        <Title order={3} size="h4">
          Cadences
        </Title>
        <Text size="sm" c="dimmed">
          How often to be in touch, by tier, by tag or for one person. Durations like 2w, 1mo, 90d.
        </Text>
        <Table fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>For</Table.Th>
              <Table.Th>Every</Table.Th>
              <Table.Th>At most</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(rules.data ?? []).map((r) => (
              <Table.Tr key={r.scope + r.target}>
                <Table.Td>
                  {r.scope} {r.label}
                  {r.isDefault ? ' (default)' : ''}
                </Table.Td>
                <Table.Td>{r.idealDays === null ? 'never' : `${r.idealDays} days`}</Table.Td>
                <Table.Td>{r.maxDays === null ? '' : `${r.maxDays} days`}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {set.error && <Alert color="red">{set.error.message}</Alert>}
        <Group component="form" align="flex-end" onSubmit={(e: FormEvent) => (e.preventDefault(), set.mutate())}>
          <Select label="Scope" data={['tier', 'tag', 'person']} value={form.scope} onChange={(v) => setForm({ ...form, scope: v ?? 'tier' })} w={110} allowDeselect={false} />
          <TextInput label="Which" placeholder="inner, a tag, a name" value={form.target} onChange={(e) => setForm({ ...form, target: e.currentTarget.value })} required />
          <TextInput label="Every" placeholder="2w" value={form.every} onChange={(e) => setForm({ ...form, every: e.currentTarget.value })} required w={90} />
          <TextInput label="At most" placeholder="1mo" value={form.max} onChange={(e) => setForm({ ...form, max: e.currentTarget.value })} w={90} />
          <Button type="submit" variant="light">
            Set
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function Tokens() {
  const client = useQueryClient();
  const tokens = useQuery({ queryKey: ['tokens'], queryFn: () => get<Token[]>('/tokens') });
  const [name, setName] = useState('');
  const [scope, setScope] = useState('api');
  const [created, setCreated] = useState<(Token & { token: string }) | null>(null);
  const act = useMutation({ mutationFn: (fn: () => Promise<unknown>) => fn(), onSuccess: () => client.invalidateQueries({ queryKey: ['tokens'] }) });
  return (
    <Card withBorder>
      <Stack>
        <Title order={3} size="h4">
          Tokens and calendar feed
        </Title>
        <Text size="sm" c="dimmed">
          API tokens let scripts call the API (Authorization: Bearer …). A feed token gives a secret address your calendar app can subscribe to.
        </Text>
        {act.error && <Alert color="red">{act.error.message}</Alert>}
        {created && (
          <Alert color="teal" title="Copy it now: it is shown only once">
            {created.scope === 'feed' ? <Code>{`${location.origin}/feeds/${created.token}.ics`}</Code> : <Code>{created.token}</Code>}
          </Alert>
        )}
        <Group component="form" align="flex-end" onSubmit={(e: FormEvent) => (e.preventDefault(), act.mutate(() => post<Token & { token: string }>('/tokens', { name, scope }).then((t) => (setCreated(t), setName('')))))}>
          <TextInput label="Name" placeholder="laptop script" value={name} onChange={(e) => setName(e.currentTarget.value)} required />
          <Select label="Kind" data={[{ value: 'api', label: 'API token' }, { value: 'feed', label: 'Calendar feed' }]} value={scope} onChange={(v) => setScope(v ?? 'api')} allowDeselect={false} w={160} />
          <Button type="submit" variant="light">
            Create
          </Button>
        </Group>
        <Table fz="sm">
          <Table.Tbody>
            {(tokens.data ?? []).map((t) => (
              <Table.Tr key={t.id}>
                <Table.Td>{t.name}</Table.Td>
                <Table.Td>{t.scope}</Table.Td>
                <Table.Td>last used {t.lastUsedAt?.slice(0, 10) ?? 'never'}</Table.Td>
                <Table.Td>
                  <Button size="compact-xs" color="red" variant="subtle" onClick={() => act.mutate(() => del(`/tokens/${t.id}`))}>
                    Revoke
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Card>
  );
}

function Backup() {
  const [result, setResult] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const client = useQueryClient();
  const change = useMutation({ mutationFn: () => post('/auth/password', { current, password }), onSuccess: () => client.invalidateQueries({ queryKey: ['auth'] }) });
  return (
    <Card withBorder>
      <Stack>
        <Title order={3} size="h4">
          Backup and password
        </Title>
        <Group>
          <Anchor href="/api/v1/backup" download>
            Download a complete backup (JSON)
          </Anchor>
          <Anchor href="/api/v1/exports/vcard" download>
            Export everyone as vCards
          </Anchor>
          <Anchor href="/api/v1/exports/csv" download>
            Export as CSV
          </Anchor>
        </Group>
        <div>
          <Text component="label" htmlFor="restore-file" size="sm" fw={500} display="block">
            Restore a backup into this (empty) database
          </Text>
          <input
            id="restore-file"
            type="file"
            accept=".json,application/json"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file) void upload<{ tables: Record<string, number> }>('/restore', file, () => {}).then((r) => setResult(`Restored ${r.tables.person ?? 0} people.`), (err: Error) => setError(err.message));
            }}
          />
        </div>
        {result && <Alert color="teal">{result}</Alert>}
        {error && <Alert color="red">{error}</Alert>}
        <Group component="form" align="flex-end" onSubmit={(e: FormEvent) => (e.preventDefault(), change.mutate())}>
          <PasswordInput label="Current password" value={current} onChange={(e) => setCurrent(e.currentTarget.value)} required autoComplete="current-password" />
          <PasswordInput label="New password" value={password} onChange={(e) => setPassword(e.currentTarget.value)} required minLength={8} autoComplete="new-password" />
          <Button type="submit" variant="light" loading={change.isPending}>
            Change password
          </Button>
        </Group>
        {change.error && <Alert color="red">{change.error.message}</Alert>}
      </Stack>
    </Card>
  );
}

export default function SettingsPage() {
  return (
    <Stack maw={900}>
      <Title order={2}>Settings</Title>
      <Preferences />
      <Cadences />
      <Tokens />
      <Backup />
    </Stack>
  );
}
