import { infiniteQueryOptions } from '@tanstack/react-query';
import { get, query } from '../api';
import type { Page, Person } from '../types';

export interface PeopleFilters {
  tag: string | null;
  tier: string | null;
  organization: string | null;
  sort: string;
  includeArchived: boolean;
  minStrength?: number;
  maxStrength?: number;
  status: string | null;
}

export const DEFAULT_FILTERS: PeopleFilters = { tag: null, tier: null, organization: null, sort: 'name', includeArchived: false, status: null };
const PAGE = 100;

/** The People table's pages; shared so that the first page can be fetched before the page's code arrives. */
export function peopleQuery(filters: PeopleFilters) {
  return infiniteQueryOptions({
    queryKey: ['people', filters],
    queryFn: ({ pageParam }) => get<Page<Person>>('/people' + query({ ...filters, limit: PAGE, cursor: pageParam })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
