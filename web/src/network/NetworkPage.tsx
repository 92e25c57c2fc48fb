import { Alert, Badge, Button, Card, Group, Loader, Progress, SimpleGrid, Stack, Table, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { get, post } from '../api';
import { Link } from '../shell/router';
import type { BrokerReport, CommunityReport, IntroPaths, NetworkStatus, Suggestions } from './network-types';

// sigma and WebGL load only when the map is opened.
const NetworkMap = lazy(() => import('./NetworkMap'));

const personLink = (p: { id: string; name: string }) => <Link to={`/people/${encodeURIComponent(p.id)}`}>{p.name}</Link>;

/**
 * The whole network is built once (seconds on a large network) and then kept; until
 * it is ready, the structural tabs show the build's progress.
 */
function WhenBuilt({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const status = useQuery({
    queryKey: ['network-status'],
    queryFn: () => get<NetworkStatus>('/network'),
    refetchInterval: (q) => (q.state.data?.ready ? false : 500),
  });
  const started = status.data && !status.data.ready && !status.data.building && !status.data.failed;
  useEffect(() => {
    if (started) void post<NetworkStatus>('/network/build').then(() => client.invalidateQueries({ queryKey: ['network-status'] }));
  }, [started, client]);
  if (status.error) return <Alert color="red">{status.error.message}</Alert>;
  if (status.data?.failed) return <Alert color="red">Building the network failed: {status.data.failed}</Alert>;
  if (!status.data?.ready) {
    const b = status.data?.building;
    return (
      <Stack gap="xs" maw={480}>
        <Text size="sm">Building your network{b ? `: ${b.phase}` : ''}…</Text>
        <Progress value={b ? (100 * b.done) / b.total : 0} animated aria-label="Network build progress" />
      </Stack>
    );
  }
  return <>{children}</>;
}

function Paths() {
  const [target, setTarget] = useState('');
  const [asked, setAsked] = useState('');
  const paths = useQuery({ queryKey: ['paths', asked], queryFn: () => get<IntroPaths>(`/paths?to=${encodeURIComponent(asked)}&limit=10`), enabled: asked.length > 0 });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setAsked(target.trim());
  };
  return (
    <Stack>
      <form onSubmit={submit}>
        <Group align="end">
          <TextInput label="Who do you want to reach?" description="A person, an organization or an audience" value={target} onChange={(e) => setTarget(e.currentTarget.value)} w={340} />
          <Button type="submit" disabled={!target.trim()}>
            Find paths
          </Button>
        </Group>
      </form>
      {paths.error && <Alert color="yellow">{paths.error.message}</Alert>}
      {paths.isFetching && <Loader size="sm" aria-label="Finding paths" />}
      {paths.data && paths.data.paths.length === 0 && <Text c="dimmed">No warm path yet: nobody you know is connected to {asked} in Kith.</Text>}
      {paths.data?.paths.map((p, i) => (
        <Card key={i} withBorder padding="sm" aria-label={`Path ${i + 1}`}>
          <Group justify="space-between">
            <Text fw={500}>
              You → {p.hops.map((h) => h.to.name).join(' → ')}
            </Text>
            <Badge variant="light">score {p.score.toFixed(2)}</Badge>
          </Group>
          {p.hops.map((h, j) => (
            <Text key={j} size="sm" c="dimmed">
              {h.from ? h.from.name : 'You'} → {h.to.name}: {h.evidence.join('; ')}
            </Text>
          ))}
        </Card>
      ))}
    </Stack>
  );
}

function Communities() {
  const report = useQuery({ queryKey: ['network-communities'], queryFn: () => get<CommunityReport>('/network/communities?limit=30') });
  if (report.error) return <Alert color="red">{report.error.message}</Alert>;
  if (!report.data) return <Loader aria-label="Finding communities" />;
  const { diversity: d } = report.data;
  return (
    <Stack>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        {[
          ['Communities', d.communities],
          ['With a strong tie of yours', d.withStrongTie],
          ['With any tie', d.withAnyTie],
          ['Spread of your strong ties', d.spread],
        ].map(([label, value]) => (
          <Card key={label} withBorder padding="sm">
            <Text size="xs" c="dimmed">
              {label}
            </Text>
            <Text fw={700} size="lg">
              {value}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      <Table striped aria-label="Communities">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Community</Table.Th>
            <Table.Th>People</Table.Th>
            <Table.Th>Strong · medium · weak</Table.Th>
            <Table.Th>Best known</Table.Th>
            <Table.Th>Bridge</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.data.communities.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>{c.label}</Table.Td>
              <Table.Td>{c.size}</Table.Td>
              <Table.Td>
                {c.yours.strong} · {c.yours.medium} · {c.yours.weak}
              </Table.Td>
              <Table.Td>{c.bestKnown ? personLink(c.bestKnown) : '–'}</Table.Td>
              <Table.Td>{c.bridged ? <Badge color="green">yes</Badge> : <Badge color="orange">none</Badge>}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {(report.data.unbridged.length > 0 || report.data.unbridgedAudiences.length > 0) && (
        <Card withBorder>
          <Title order={4}>No bridge into</Title>
          <Text size="sm" c="dimmed">
            None of your strong ties is in these groups or knows anyone in them.
          </Text>
          {report.data.unbridged.slice(0, 8).map((c) => (
            <Text key={c.id} size="sm">
              {c.label} ({c.size} people)
            </Text>
          ))}
          {report.data.unbridgedAudiences.map((a) => (
            <Text key={a.id} size="sm">
              Audience {a.name} ({a.members} people)
            </Text>
          ))}
        </Card>
      )}
    </Stack>
  );
}

function Brokers() {
  const report = useQuery({ queryKey: ['network-brokers'], queryFn: () => get<BrokerReport>('/network/brokers?limit=25') });
  if (report.error) return <Alert color="red">{report.error.message}</Alert>;
  if (!report.data) return <Loader aria-label="Finding brokers" />;
  const { you } = report.data;
  return (
    <Stack>
      <Text size="sm">
        You have {you.ties} ties; your effective size is {you.effectiveSize?.toFixed(1) ?? '–'} and your constraint {you.constraint?.toFixed(3) ?? '–'} (lower constraint means more brokerage).
      </Text>
      <Table striped aria-label="Brokers">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Broker</Table.Th>
            <Table.Th>Your strength</Table.Th>
            <Table.Th>Effective size</Table.Th>
            <Table.Th>Constraint</Table.Th>
            <Table.Th>Connects</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.data.brokers.map((b) => (
            <Table.Tr key={b.person.id}>
              <Table.Td>{personLink(b.person)}</Table.Td>
              <Table.Td>{b.person.strength}</Table.Td>
              <Table.Td>
                {b.effectiveSize?.toFixed(1)} of {b.ties}
              </Table.Td>
              <Table.Td>{b.constraint?.toFixed(3)}</Table.Td>
              <Table.Td>{b.connects.join(' · ')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function SuggestionList() {
  const report = useQuery({ queryKey: ['network-suggestions'], queryFn: () => get<Suggestions>('/network/suggestions?limit=25') });
  if (report.error) return <Alert color="red">{report.error.message}</Alert>;
  if (!report.data) return <Loader aria-label="Finding suggestions" />;
  if (report.data.audiences.length === 0) {
    return (
      <Text c="dimmed">
        Suggestions come from the audiences of your active goals: <Link to="/goals">give a goal an audience</Link>.
      </Text>
    );
  }
  if (report.data.suggestions.length === 0) return <Text c="dimmed">Nobody in {report.data.audiences.join(', ')} is two hops away yet.</Text>;
  return (
    <Table striped aria-label="Suggestions">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Person</Table.Th>
          <Table.Th>Mutual connections</Table.Th>
          <Table.Th>For</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {report.data.suggestions.map((s) => (
          <Table.Tr key={s.person.id}>
            <Table.Td>{personLink(s.person)}</Table.Td>
            <Table.Td>
              {s.mutualCount}: {s.mutuals.map((m) => m.name).join(', ')}
            </Table.Td>
            <Table.Td>{s.for.join('; ')}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export default function NetworkPage() {
  const [tab, setTab] = useState<string | null>('paths');
  return (
    <Stack>
      <Title order={2}>Network</Title>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="paths">Paths</Tabs.Tab>
          <Tabs.Tab value="map">Map</Tabs.Tab>
          <Tabs.Tab value="communities">Communities</Tabs.Tab>
          <Tabs.Tab value="brokers">Brokers</Tabs.Tab>
          <Tabs.Tab value="suggestions">Suggestions</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="paths" pt="md">
          <Paths />
        </Tabs.Panel>
        <Tabs.Panel value="map" pt="md">
          <WhenBuilt>
            <Suspense fallback={<Loader aria-label="Loading the map" />}>
              <NetworkMap />
            </Suspense>
          </WhenBuilt>
        </Tabs.Panel>
        <Tabs.Panel value="communities" pt="md">
          <WhenBuilt>
            <Communities />
          </WhenBuilt>
        </Tabs.Panel>
        <Tabs.Panel value="brokers" pt="md">
          <WhenBuilt>
            <Brokers />
          </WhenBuilt>
        </Tabs.Panel>
        <Tabs.Panel value="suggestions" pt="md">
          <WhenBuilt>
            <SuggestionList />
          </WhenBuilt>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
