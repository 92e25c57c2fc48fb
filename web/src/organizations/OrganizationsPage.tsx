import { Alert, Button, Card, Group, Loader, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Fragment, useState, type FormEvent } from 'react';
import { get, post } from '../api';
import { Link } from '../shell/router';
import type { Organization, Person } from '../types';

function Members({ id }: { id: string }) {
  const org = useQuery({ queryKey: ['organization', id], queryFn: () => get<{ organization: Organization; people: Person[] }>(`/organizations/${id}`) });
  if (!org.data) return <Loader size="xs" aria-label="Loading" />;
  return (
    <Group gap="xs">
      {org.data.people.map((p) => (
        <Link key={p.id} to={`/people/${p.id}`}>
          {p.name}
        </Link>
      ))}
      {org.data.people.length === 0 && <Text c="dimmed" size="sm">Nobody works here now.</Text>}
    </Group>
  );
}

export default function OrganizationsPage() {
  const client = useQueryClient();
  const [filter, setFilter] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [domain, setDomain] = useState('');
  const [holding] = useDebouncedValue(filter.trim(), 150);
  // The server filters and orders, so every organization can be found however many there are.
  const orgs = useInfiniteQuery({
    queryKey: ['organizations', holding],
    queryFn: ({ pageParam }) =>
      get<{ items: Organization[]; nextCursor: string | null }>(`/organizations?order=people&limit=200&q=${encodeURIComponent(holding)}${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const add = useMutation({
    mutationFn: () => post('/organizations', { name, domain: domain.trim() || null }),
    onSuccess: () => {
      setName('');
      setDomain('');
      void client.invalidateQueries({ queryKey: ['organizations'] });
    },
  });
  const shown = orgs.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack maw={900}>
      <Title order={2}>Organizations</Title>
      <Card withBorder component="form" onSubmit={(e: FormEvent) => (e.preventDefault(), add.mutate())}>
        <Group align="flex-end">
          <TextInput label="Name" value={name} onChange={(e) => setName(e.currentTarget.value)} required />
          <TextInput label="Domain" placeholder="example.com" value={domain} onChange={(e) => setDomain(e.currentTarget.value)} />
          <Button type="submit" loading={add.isPending}>
            Add organization
          </Button>
        </Group>
        {add.error && (
          <Alert color="red" mt="xs">
            {add.error.message}
          </Alert>
        )}
      </Card>
      <TextInput aria-label="Filter organizations" placeholder="Filter by name" value={filter} onChange={(e) => setFilter(e.currentTarget.value)} />
      {orgs.isLoading && <Loader aria-label="Loading" />}
      <Table highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Domain</Table.Th>
            <Table.Th>People</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((o) => (
            <Fragment key={o.id}>
              <Table.Tr onClick={() => setOpen(open === o.id ? null : o.id)} style={{ cursor: 'pointer' }}>
                <Table.Td>
                  <Button variant="subtle" size="compact-sm" aria-expanded={open === o.id}>
                    {o.name}
                  </Button>
                </Table.Td>
                <Table.Td>{o.domain}</Table.Td>
                <Table.Td>{o.peopleCount}</Table.Td>
              </Table.Tr>
              {open === o.id && (
                <Table.Tr>
                  <Table.Td colSpan={3}>
                    <Members id={o.id} />
                  </Table.Td>
                </Table.Tr>
              )}
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
      {orgs.isSuccess && shown.length === 0 && <Text c="dimmed">{holding ? `No organization's name holds "${holding}".` : 'No organizations yet.'}</Text>}
      {orgs.hasNextPage && (
        <Button variant="default" onClick={() => void orgs.fetchNextPage()} loading={orgs.isFetchingNextPage}>
          Show more
        </Button>
      )}
    </Stack>
  );
}
