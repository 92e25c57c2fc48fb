import { Alert, Badge, Button, Card, Group, NumberInput, Progress, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { get, post, upload } from '../api';
import { Link } from '../shell/router';
import type { Duplicate, ImportJob, ImportReport } from '../types';

const FORMATS = [
  { value: 'auto', label: 'Detect from the file' },
  { value: 'linkedin', label: 'LinkedIn export (ZIP or CSV)' },
  { value: 'google', label: 'Google Contacts CSV' },
  { value: 'outlook', label: 'Outlook CSV' },
  { value: 'vcard', label: 'vCard (.vcf)' },
  { value: 'ical', label: 'Calendar (.ics)' },
  { value: 'mbox', label: 'Mail archive (mbox)' },
];

/** Who a mail archive or a calendar may add as new people, in the words of the page. */
const NEW_PEOPLE: Record<string, Array<{ value: string; label: string }>> = {
  mbox: [
    { value: 'two-way', label: 'Those I wrote to and heard from' },
    { value: 'all', label: 'Everyone I exchanged mail with' },
    { value: 'none', label: 'Nobody: only add to people in Kith' },
  ],
  ical: [
    { value: 'none', label: 'Nobody: only meetings with people in Kith' },
    { value: 'all', label: 'Every attendee' },
  ],
};

interface Options {
  newPeople: string | null;
  since: string;
  maxAttendees: number | string;
}

/** The options of a mail archive or a calendar import; other formats have none. */
function FormatOptions({ format, options, onChange }: { format: string; options: Options; onChange: (o: Options) => void }) {
  const choices = NEW_PEOPLE[format];
  if (!choices) return null;
  return (
    <Group align="flex-end" aria-label="Import options">
      <Select label="New people" data={choices} value={options.newPeople ?? choices[0]!.value} onChange={(v) => onChange({ ...options, newPeople: v })} allowDeselect={false} w={300} />
      {format === 'ical' && (
        <>
          <TextInput label="Since" description="Default: two years ago" type="date" value={options.since} onChange={(e) => onChange({ ...options, since: e.currentTarget.value })} w={180} />
          <NumberInput label="Max attendees" description="Larger events are skipped" min={1} value={options.maxAttendees} onChange={(v) => onChange({ ...options, maxAttendees: v })} w={150} />
        </>
      )}
    </Group>
  );
}

/** The query string of an upload: the format, the dry run, and the options its format takes. */
function importQuery(format: string, dryRun: boolean, options: Options): string {
  const query = new URLSearchParams({ format, dryRun: String(dryRun) });
  if (NEW_PEOPLE[format] && options.newPeople) query.set('newPeople', options.newPeople);
  if (format === 'ical' && options.since) query.set('since', options.since);
  if (format === 'ical' && options.maxAttendees !== '') query.set('maxAttendees', String(options.maxAttendees));
  return query.toString();
}

function Report({ report }: { report: ImportReport }) {
  return (
    <Card withBorder aria-label="Import report">
      <Group gap="xs" mb="xs">
        <Title order={3} size="h5">
          {report.dryRun ? 'Preview: nothing was written' : 'Imported'}
        </Title>
        <Badge variant="light">{report.format}</Badge>
      </Group>
      <SimpleGrid cols={{ base: 3, sm: 6 }}>
        {(['records', 'created', 'updated', 'merged', 'skipped', 'failed'] as const).map((k) => (
          <Stack key={k} gap={0} align="center">
            <Text fw={700} size="xl" data-testid={`report-${k}`}>
              {report[k]}
            </Text>
            <Text size="xs" c="dimmed">
              {k}
            </Text>
          </Stack>
        ))}
      </SimpleGrid>
      {report.failures.length > 0 && (
        <Table mt="sm" fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>File</Table.Th>
              <Table.Th>Line</Table.Th>
              <Table.Th>Problem</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.failures.slice(0, 200).map((f, i) => (
              <Table.Tr key={i}>
                <Table.Td>{f.file}</Table.Td>
                <Table.Td>{f.line}</Table.Td>
                <Table.Td>{f.reason}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {report.notes.map((note) => (
        <Text key={note} size="sm" mt="xs" data-testid="report-note">
          {note}
        </Text>
      ))}
      {report.warnings.length > 0 && (
        <Text size="sm" c="dimmed" mt="xs">
          {report.warnings.length === 1 ? '1 value could not be normalised and was' : `${report.warnings.length} values could not be normalised and were`} kept as custom fields.
        </Text>
      )}
    </Card>
  );
}

function DuplicateReview() {
  const client = useQueryClient();
  const dupes = useQuery({ queryKey: ['duplicates'], queryFn: () => get<Duplicate[]>('/duplicates?limit=50') });
  const act = useMutation({ mutationFn: (fn: () => Promise<unknown>) => fn(), onSuccess: () => client.invalidateQueries() });
  return (
    <Stack>
      <Title order={3}>Probable duplicates</Title>
      <Text c="dimmed" size="sm">
        Similar names at the same company or mail domain. Nothing is merged until you say so; a merge keeps every field, interaction and note.
      </Text>
      {act.error && <Alert color="red">{act.error.message}</Alert>}
      {dupes.data?.length === 0 && <Text c="dimmed">No probable duplicates.</Text>}
      {(dupes.data ?? []).map((d) => (
        <Card key={d.a + d.b} withBorder aria-label={`Possible duplicate: ${d.people[0].name} and ${d.people[1].name}`}>
          <Group justify="space-between" align="flex-start">
            <Stack gap={2}>
              <Group gap="xs">
                <Badge>{Math.round(d.score * 100)}%</Badge>
                {d.people.map((p, i) => (
                  <Text key={p.id} fw={500}>
                    {i > 0 && '~ '}
                    <Link to={`/people/${p.id}`}>{p.name}</Link> <Text span c="dimmed" size="sm">{[p.company, p.emails[0]].filter(Boolean).join(', ')}</Text>
                  </Text>
                ))}
              </Group>
              <Text size="sm" c="dimmed">
                {d.evidence.join('; ')}
              </Text>
            </Stack>
            <Group gap="xs">
              <Button size="xs" onClick={() => act.mutate(() => post('/duplicates/merge', { keep: d.people[0].id, other: d.people[1].id }))}>
                Keep {d.people[0].name}
              </Button>
              <Button size="xs" variant="light" onClick={() => act.mutate(() => post('/duplicates/merge', { keep: d.people[1].id, other: d.people[0].id }))}>
                Keep {d.people[1].name}
              </Button>
              <Button size="xs" variant="default" onClick={() => act.mutate(() => post('/duplicates/dismiss', { a: d.a, b: d.b }))}>
                Not the same
              </Button>
            </Group>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}

export default function ImportPage() {
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState('auto');
  const [options, setOptions] = useState<Options>({ newPeople: null, since: '', maxAttendees: 20 });
  const [sent, setSent] = useState(0);
  const [job, setJob] = useState<ImportJob | null>(null);
  const [error, setError] = useState<string | null>(null);
  const start = async (dryRun: boolean) => {
    if (!file) return;
    setError(null);
    setJob(null);
    setSent(0);
    try {
      setJob(await upload<ImportJob>(`/imports?${importQuery(format, dryRun, options)}`, file, setSent));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  // An import goes on in the server when the page is left: opened again, the page
  // follows it (a failed look-up only means there is nothing to follow).
  useEffect(() => {
    void get<ImportJob[]>('/imports').then(
      (jobs) => {
        const running = jobs.find((j) => j.state === 'running');
        if (running) setJob((current) => current ?? running);
      },
      () => {},
    );
  }, []);
  // Poll the job while it runs; the bar follows its progress.
  useEffect(() => {
    if (!job || job.state !== 'running') return;
    const timer = setTimeout(() => void get<ImportJob>(`/imports/${job.id}`).then(setJob, (e: Error) => setError(e.message)), 300);
    return () => clearTimeout(timer);
  }, [job]);
  useEffect(() => {
    if (job?.state === 'done' && !job.dryRun) void client.invalidateQueries();
  }, [job?.state, job?.dryRun, client]);
  const running = job?.state === 'running' || (sent > 0 && sent < 1 && !job);
  const fraction = job && job.total > 0 ? job.done / job.total : 0;
  return (
    <Stack maw={1000}>
      <Title order={2}>Import</Title>
      <Card withBorder>
        <Stack>
          <Text size="sm" c="dimmed">
            LinkedIn's data export (the ZIP as downloaded), Google or Outlook contacts, vCards, calendars and mail archives. Importing the same file again changes nothing; people found in several sources are merged by email, phone or LinkedIn URL.
          </Text>
          <Group align="flex-end">
            <div>
              <Text component="label" htmlFor="import-file" size="sm" fw={500} display="block" mb={4}>
                File
              </Text>
              <input id="import-file" type="file" onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} />
            </div>
            <Select
              label="Format"
              data={FORMATS}
              value={format}
              onChange={(v) => {
                setFormat(v ?? 'auto');
                setOptions({ ...options, newPeople: null });
              }}
              allowDeselect={false}
              w={260}
            />
          </Group>
          <FormatOptions format={format} options={options} onChange={setOptions} />
          <Group>
            <Button variant="default" disabled={!file || running} onClick={() => void start(true)}>
              Preview
            </Button>
            <Button disabled={!file || running} onClick={() => void start(false)}>
              Import
            </Button>
          </Group>
          {sent > 0 && (
            <div>
              <Text size="sm">Uploading {Math.round(sent * 100)}%</Text>
              <Progress value={sent * 100} aria-label="Upload progress" />
            </div>
          )}
          {job && (
            <div>
              <Text size="sm">
                {job.state === 'running' ? `${job.phase}… ${job.total ? Math.round(fraction * 100) + '%' : ''}` : job.state === 'done' ? 'Done' : 'Failed'}
              </Text>
              <Progress value={job.state === 'done' ? 100 : fraction * 100} animated={job.state === 'running'} aria-label="Import progress" />
            </div>
          )}
          {(error ?? job?.error) && <Alert color="red">{error ?? job?.error?.message}</Alert>}
        </Stack>
      </Card>
      {job?.report && <Report report={job.report} />}
      <DuplicateReview />
    </Stack>
  );
}
