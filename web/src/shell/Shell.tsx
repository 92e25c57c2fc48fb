import { AppShell, Burger, Button, Group, Kbd, NavLink, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { post } from '../api';
import { Link, navigate, useLocation } from './router';

const PAGES = [
  { to: '/', label: 'Today', key: 't' },
  { to: '/people', label: 'People', key: 'p' },
  { to: '/goals', label: 'Goals', key: 'g' },
  { to: '/events', label: 'Events', key: 'e' },
  { to: '/career', label: 'Career', key: 'c' },
  { to: '/network', label: 'Network', key: 'm' },
  { to: '/organizations', label: 'Organizations', key: 'o' },
  { to: '/reminders', label: 'Reminders', key: 'r' },
  { to: '/import', label: 'Import', key: 'i' },
  { to: '/settings', label: 'Settings', key: 's' },
];

export type Action = 'add-person' | 'log' | 'logout';

// The dialogs load after the first screen (they pull in the form components), and
// are fetched while the browser is idle so that the first use is instant.
const loadPalette = () => import('./CommandPalette');
const loadAddPerson = () => import('../people/AddPersonModal');
const loadLog = () => import('./LogInteractionModal');
const CommandPalette = lazy(() => loadPalette().then((m) => ({ default: m.CommandPalette })));
const AddPersonModal = lazy(() => loadAddPerson().then((m) => ({ default: m.AddPersonModal })));
const LogInteractionModal = lazy(() => loadLog().then((m) => ({ default: m.LogInteractionModal })));

export function Shell({ children }: { children: ReactNode }) {
  const [opened, { toggle, close }] = useDisclosure();
  const [palette, setPalette] = useState(false);
  const [adding, setAdding] = useState(false);
  const [logging, setLogging] = useState(false);
  const { path } = useLocation();
  const client = useQueryClient();
  const run = (action: Action) => {
    if (action === 'add-person') setAdding(true);
    if (action === 'log') setLogging(true);
    if (action === 'logout') void post('/auth/logout').then(() => client.invalidateQueries({ queryKey: ['auth'] }));
  };
  useEffect(() => {
    const warm = () => void Promise.all([loadPalette(), loadAddPerson(), loadLog()]);
    const id = window.setTimeout(warm, 1500);
    return () => window.clearTimeout(id);
  }, []);
  // Ctrl+K anywhere; single keys only outside form fields (Mantine's default).
  useHotkeys([
    ['mod+K', () => setPalette(true)],
    ['/', () => setPalette(true)],
    ['n', () => setAdding(true)],
    ['l', () => setLogging(true)],
  ]);
  // "g" then a page's letter goes to that page, as in many web apps.
  useEffect(() => {
    let pending = 0;
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (e.ctrlKey || e.metaKey || e.altKey || target.closest('input, textarea, select, [contenteditable=true]')) return;
      if (Date.now() - pending < 1500) {
        pending = 0;
        const page = PAGES.find((p) => p.key === e.key.toLowerCase());
        if (page) navigate(page.to);
      } else if (e.key === 'g') pending = Date.now();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Menu" />
            <Title order={1} size="h3">
              <Link to="/" style={{ color: 'inherit', textDecoration: 'none' }}>
                Kith
              </Link>
            </Title>
          </Group>
          <UnstyledButton onClick={() => setPalette(true)} aria-label="Search people and actions (Ctrl+K)" style={{ flex: 1, maxWidth: 420 }}>
            <Group justify="space-between" px="sm" py={6} style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 8 }} wrap="nowrap">
              <Text c="dimmed" size="sm" truncate>
                Search people and actions…
              </Text>
              <Kbd visibleFrom="xs">Ctrl K</Kbd>
            </Group>
          </UnstyledButton>
          <Group gap="xs" wrap="nowrap" visibleFrom="xs">
            <Button variant="default" onClick={() => setLogging(true)}>
              Log
            </Button>
            <Button onClick={() => setAdding(true)}>Add person</Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="Main">
        <Stack gap={2}>
          {PAGES.map((p) => (
            <NavLink
              key={p.to}
              component={Link}
              to={p.to}
              label={p.label}
              active={p.to === '/' ? path === '/' : path.startsWith(p.to)}
              onClick={close}
              aria-current={(p.to === '/' ? path === '/' : path.startsWith(p.to)) ? 'page' : undefined}
            />
          ))}
          <NavLink component="button" label="Log out" onClick={() => run('logout')} />
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main>{children}</AppShell.Main>
      <Suspense fallback={null}>
        {palette && <CommandPalette opened={palette} onClose={() => setPalette(false)} onAction={run} pages={PAGES} />}
        {adding && <AddPersonModal opened={adding} onClose={() => setAdding(false)} />}
        {logging && <LogInteractionModal opened={logging} onClose={() => setLogging(false)} />}
      </Suspense>
    </AppShell>
  );
}
