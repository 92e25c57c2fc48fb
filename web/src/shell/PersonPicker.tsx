import { MultiSelect } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { get, query } from '../api';
import type { PersonRef, SearchHit } from '../types';

/** Choose people by typing part of a name, email or company. */
export function PersonPicker({ value, onChange, label, required }: { value: PersonRef[]; onChange: (people: PersonRef[]) => void; label: string; required?: boolean }) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 120);
  const hits = useQuery({ queryKey: ['search', debounced], queryFn: () => get<SearchHit[]>('/search' + query({ q: debounced, limit: 10 })), enabled: debounced.length > 0 });
  const known = new Map<string, string>(value.map((p) => [p.id, p.name]));
  for (const h of hits.data ?? []) known.set(h.person.id, h.person.name + (h.person.company ? ` (${h.person.company})` : ''));
  return (
    <MultiSelect
      label={label}
      required={required}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      data={[...known].map(([id, name]) => ({ value: id, label: name }))}
      value={value.map((p) => p.id)}
      onChange={(ids) => onChange(ids.map((id) => ({ id, name: known.get(id) ?? id })))}
      filter={({ options }) => options}
      nothingFoundMessage={debounced ? 'Nobody matches' : 'Type a name'}
      placeholder={value.length ? undefined : 'Type a name'}
    />
  );
}
