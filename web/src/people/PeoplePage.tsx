import { Alert, Badge, Button, Checkbox, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { get, post, query } from '../api';
import { Link, navigate } from '../shell/router';
import type { Organization, Person, SearchHit } from '../types';
import { peopleQuery, type PeopleFilters } from './people-query';

// The filter choices and the bulk actions (Mantine's combobox and menu) load after the
// table, so the first rows are drawn sooner.
const PeopleFilterBar = lazy(() => import('./PeopleFilterBar'));
const PeopleBulkBar = lazy(() => import('./PeopleFilterBar').then((m) => ({ default: m.PeopleBulkBar })));

const ROW = 52;
const STRENGTH_BANDS: Record<string, [number, number]> = { strong: [60, 100], medium: [30, 59.99], weak: [0.01, 29.99], none: [0, 0] };

function lastContact(p: Person): string {
  if (!p.lastContactAt) return 'never';
  const days = Math.floor((Date.now() - Date.parse(p.lastContactAt)) / 86_400_000);
  if (days <= 0) return 'today';
  if (days < 60) return `${days} d ago`;
  if (days < 730) return `${Math.round(days / 30)} mo ago`;
  return `${Math.round(days / 365)} y ago`;
}

/** How many people the table holds: a total when the server counts it (not by strength or status). */
function shownText(loaded: number, hasMore: boolean, count: number | null | undefined): string {
  if (count === null || count === undefined) return `${loaded}${hasMore ? '+' : ''} shown`;
  return `${count.toLocaleString('en')} ${count === 1 ? 'person' : 'people'}`;
}

/**
 * Everyone, a page at a time as the table scrolls; only the rows on screen are in the
 * DOM, so 100,000 people scroll as smoothly as 100.
 */
export default function PeoplePage() {
  const client = useQueryClient();
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 150);
  const [tag, setTag] = useState<string | null>(null);
  const [tier, setTier] = useState<string | null>(null);
  const [organization, setOrganization] = useState<string | null>(null);
  const [sort, setSort] = useState<string>('name');
  const [archived, setArchived] = useState(false);
  const [band, setBand] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [bulkTags, setBulkTags] = useState<string[]>([]);
  // Filter choices load when a filter is first opened: the table comes first.
  const [wantChoices, setWantChoices] = useState(false);
  const tags = useQuery({ queryKey: ['tags'], queryFn: () => get<Array<{ name: string; people: number }>>('/tags'), enabled: wantChoices || tag !== null });
  const orgs = useQuery({ queryKey: ['organizations'], queryFn: () => get<{ items: Organization[] }>('/organizations?limit=2000').then((p) => p.items), enabled: wantChoices || organization !== null });
  const loadChoices = () => setWantChoices(true);
  const range = band ? STRENGTH_BANDS[band]! : undefined;
  const filters: PeopleFilters = { tag, tier, organization, sort, includeArchived: archived, status, minStrength: range?.[0], maxStrength: range?.[1] };
  const list = useInfiniteQuery({ ...peopleQuery(filters), enabled: !q });
  const { sort: _order, ...counted } = filters;
  // Counted once the first rows are in: the table comes first.
  const total = useQuery({ queryKey: ['people-count', counted], queryFn: () => get<{ count: number | null }>('/people/count' + query({ ...counted })), enabled: !q && list.isSuccess });
  const search = useQuery({ queryKey: ['search', q, 100], queryFn: () => get<SearchHit[]>('/search' + query({ q, limit: 100 })), enabled: Boolean(q) });
  const rows = useMemo(() => (q ? (search.data ?? []).map((h) => h.person) : (list.data?.pages.flatMap((p) => p.items) ?? [])), [q, search.data, list.data]);
  const hasMore = !q && Boolean(list.hasNextPage);
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({ count: rows.length + (hasMore ? 1 : 0), getScrollElement: () => scroller.current, estimateSize: () => ROW, overscan: 12 });
  const items = virtual.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    if (hasMore && lastIndex >= rows.length - 20 && !list.isFetchingNextPage) void list.fetchNextPage();
  }, [hasMore, lastIndex, rows.length, list]);
  useEffect(() => setSelected(new Set()), [q, tag, tier, organization, sort, archived, band, status]);
  const bulk = useMutation({
    mutationFn: (body: { addTags?: string[]; removeTags?: string[]; archive?: boolean }) => post<{ updated: number }>('/people/bulk', { ids: [...selected], ...body }),
    onSuccess: () => {
      setSelected(new Set());
      setBulkTags([]);
      void client.invalidateQueries();
    },
  });
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const allLoadedSelected = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const columns = '40px minmax(160px, 2fr) minmax(120px, 2fr) 110px 90px minmax(100px, 1.5fr)';
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2}>People</Title>
        <Text c="dimmed" size="sm" aria-live="polite">
          {q ? `${rows.length} found` : shownText(rows.length, hasMore, total.data?.count)}
        </Text>
      </Group>
      <Group gap="xs" align="flex-end">
        <TextInput label="Search" placeholder="Name, email, company, tag, note…" value={text} onChange={(e) => setText(e.currentTarget.value)} style={{ flex: 2, minWidth: 200 }} />
        <Suspense fallback={<div style={{ height: 58, flex: 5 }} aria-hidden />}>
          <PeopleFilterBar
            disabled={Boolean(q)}
            choices={{ tags: tags.data ?? [], organizations: orgs.data ?? [], load: loadChoices }}
            values={{ tag, tier, organization, band, status, sort, archived }}
            set={{ tag: setTag, tier: setTier, organization: setOrganization, band: setBand, status: setStatus, sort: setSort, archived: setArchived }}
          />
        </Suspense>
      </Group>
      {selected.size > 0 && (
        <Suspense fallback={null}>
          <PeopleBulkBar count={selected.size} bulkTags={bulkTags} setBulkTags={setBulkTags} pending={bulk.isPending} apply={(body) => bulk.mutate(body)} clear={() => setSelected(new Set())} />
        </Suspense>
      )}
      {(list.error ?? search.error ?? bulk.error) && <Alert color="red">{(list.error ?? search.error ?? bulk.error)!.message}</Alert>}
      <div role="table" aria-label="People" aria-rowcount={rows.length + 1} style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 8, overflow: 'hidden' }}>
        <div role="row" style={{ display: 'grid', gridTemplateColumns: columns, gap: 8, padding: '8px 12px', fontWeight: 600, fontSize: 14, background: 'var(--mantine-color-default-hover)' }}>
          <div role="columnheader">
            <Checkbox aria-label="Select all shown" checked={allLoadedSelected} onChange={() => setSelected(allLoadedSelected ? new Set() : new Set(rows.map((r) => r.id)))} />
          </div>
          <div role="columnheader">Name</div>
          <div role="columnheader">Works at</div>
          <div role="columnheader">Tier</div>
          <div role="columnheader">Last contact</div>
          <div role="columnheader">Tags</div>
        </div>
        <div ref={scroller} style={{ height: 'calc(100vh - 300px)', minHeight: 320, overflow: 'auto' }} data-testid="people-scroller">
          <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const p = rows[item.index];
              return (
                <div
                  key={item.key}
                  role="row"
                  aria-rowindex={item.index + 2}
                  style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW, transform: `translateY(${item.start}px)`, display: 'grid', gridTemplateColumns: columns, gap: 8, alignItems: 'center', padding: '0 12px', borderTop: '1px solid var(--mantine-color-default-border)', fontSize: 14 }}
                >
                  {p ? (
                    <>
                      <div role="cell">
                        <Checkbox aria-label={`Select ${p.name}`} checked={selected.has(p.id)} onChange={() => toggle(p.id)} />
                      </div>
                      <div role="cell" style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                        <Link to={`/people/${p.id}`} style={{ color: 'inherit', fontWeight: 500 }}>
                          {p.name}
                        </Link>
                        {p.archived && (
                          <Badge ml={6} size="xs" color="gray">
                            archived
                          </Badge>
                        )}
                      </div>
                      <div role="cell" style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', color: 'var(--mantine-color-dimmed)' }}>
                        {[p.title, p.company].filter(Boolean).join(', ')}
                      </div>
                      <div role="cell">{p.tier ?? ''}</div>
                      <div role="cell">{lastContact(p)}</div>
                      <div role="cell" style={{ overflow: 'hidden', whiteSpace: 'nowrap' }}>
                        {p.tags.slice(0, 3).map((t) => (
                          <Badge key={t} size="sm" variant="light" mr={4}>
                            {t}
                          </Badge>
                        ))}
                      </div>
                    </>
                  ) : (
                    <Text role="cell" c="dimmed" size="sm" style={{ gridColumn: '1 / -1' }}>
                      Loading more…
                    </Text>
                  )}
                </div>
              );
            })}
          </div>
          {rows.length === 0 && !list.isLoading && !search.isLoading && (
            <Stack align="center" p="xl">
              <Text c="dimmed">{q ? 'Nobody matches.' : 'No people yet.'}</Text>
              {!q && (
                <Button variant="light" onClick={() => navigate('/import')}>
                  Import your contacts
                </Button>
              )}
            </Stack>
          )}
        </div>
      </div>
    </Stack>
  );
}
