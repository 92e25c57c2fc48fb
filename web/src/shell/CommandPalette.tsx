import { Badge, Group, Modal, ScrollArea, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, type KeyboardEvent } from 'react';
import { get, query } from '../api';
import type { SearchHit } from '../types';
import { navigate } from './router';
import type { Action } from './Shell';

interface Item {
  id: string;
  label: string;
  hint: string;
  run: () => void;
}

/** Ctrl+K: jump to anyone or any page, or start an action, from the keyboard. */
export function CommandPalette({ opened, onClose, onAction, pages }: { opened: boolean; onClose: () => void; onAction: (a: Action) => void; pages: Array<{ to: string; label: string }> }) {
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const [debounced] = useDebouncedValue(text.trim(), 120);
  const hits = useQuery({ queryKey: ['search', debounced], queryFn: () => get<SearchHit[]>('/search' + query({ q: debounced, limit: 8 })), enabled: opened && debounced.length > 0 });
  useEffect(() => {
    if (!opened) setText('');
  }, [opened]);
  useEffect(() => setActive(0), [debounced]);
  const done = (fn: () => void) => () => {
    onClose();
    fn();
  };
  const actions: Item[] = [
    { id: 'add', label: 'Add a person', hint: 'n', run: done(() => onAction('add-person')) },
    { id: 'log', label: 'Log an interaction', hint: 'l', run: done(() => onAction('log')) },
    ...pages.map((p) => ({ id: 'page' + p.to, label: `Go to ${p.label}`, hint: 'page', run: done(() => navigate(p.to)) })),
  ].filter((a) => !text || a.label.toLowerCase().includes(text.trim().toLowerCase()));
  const people: Item[] = (debounced ? (hits.data ?? []) : []).map((h) => ({
    id: h.person.id,
    label: h.person.name,
    hint: [h.person.title, h.person.company].filter(Boolean).join(', ') || h.person.emails[0] || '',
    run: done(() => navigate(`/people/${h.person.id}`)),
  }));
  const items = [...people, ...actions];
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') setActive((a) => Math.min(items.length - 1, a + 1));
    else if (e.key === 'ArrowUp') setActive((a) => Math.max(0, a - 1));
    else if (e.key === 'Enter') items[active]?.run();
    else return;
    e.preventDefault();
  };
  return (
    <Modal opened={opened} onClose={onClose} withCloseButton={false} padding="xs" size="lg" yOffset="10vh" title={null} aria-label="Command palette">
      <TextInput
        placeholder="Type a name, a company or an action"
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        onKeyDown={onKey}
        data-autofocus
        aria-label="Search people and actions"
        aria-controls="palette-results"
        aria-activedescendant={items[active] ? `palette-${items[active]!.id}` : undefined}
      />
      <ScrollArea.Autosize mah="60vh" mt="xs">
        <Stack gap={2} id="palette-results" role="listbox">
          {items.map((item, i) => (
            <UnstyledButton
              key={item.id}
              id={`palette-${item.id}`}
              role="option"
              aria-selected={i === active}
              onClick={item.run}
              onMouseEnter={() => setActive(i)}
              p="xs"
              style={{ borderRadius: 6, background: i === active ? 'var(--mantine-color-default-hover)' : undefined }}
            >
              <Group justify="space-between" wrap="nowrap">
                <Text size="sm" truncate>
                  {item.label}
                </Text>
                {item.hint && (
                  <Badge variant="light" color="gray" style={{ flexShrink: 0, maxWidth: 220 }}>
                    {item.hint}
                  </Badge>
                )}
              </Group>
            </UnstyledButton>
          ))}
          {items.length === 0 && (
            <Text c="dimmed" size="sm" p="xs">
              Nothing matches.
            </Text>
          )}
        </Stack>
      </ScrollArea.Autosize>
    </Modal>
  );
}
