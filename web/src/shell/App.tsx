import { Center, Loader } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createElement, Suspense, useEffect, type ComponentType } from 'react';
import { get, setCsrfToken, whenUnauthorized } from '../api';
import { LoginPage } from '../auth/LoginPage';
import { SetupPage } from '../auth/SetupPage';
import { lazyPage, type LazyPage } from './lazy-page';
import { useLocation } from './router';
import { Shell } from './Shell';

export interface AuthStatus {
  setUp: boolean;
  authenticated: boolean;
  csrfToken: string | null;
}

// Pages load on first visit, so the first screen downloads only what it shows.
const TodayPage = lazyPage(() => import('../today/TodayPage'));
const PeoplePage = lazyPage(() => import('../people/PeoplePage'));
const PersonPage = lazyPage(() => import('../people/PersonPage'));
const OrganizationsPage = lazyPage(() => import('../organizations/OrganizationsPage'));
const RemindersPage = lazyPage(() => import('../reminders/RemindersPage'));
const ImportPage = lazyPage(() => import('../imports/ImportPage'));
const SettingsPage = lazyPage(() => import('../settings/SettingsPage'));
const GoalsPage = lazyPage(() => import('../goals/GoalsPage'));
const EventsPage = lazyPage(() => import('../events/EventsPage'));
const CareerPage = lazyPage(() => import('../career/CareerPage'));
const EventPage = lazyPage(() => import('../events/EventPage'));
const NetworkPage = lazyPage(() => import('../network/NetworkPage'));

/** The page for a path, with its props. */
function pageFor(path: string): { page: LazyPage<{ id: string }> | LazyPage<object>; id?: string } {
  const person = /^\/people\/([^/]+)$/.exec(path);
  if (person) return { page: PersonPage, id: decodeURIComponent(person[1]!) };
  const event = /^\/events\/([^/]+)$/.exec(path);
  if (event) return { page: EventPage, id: decodeURIComponent(event[1]!) };
  const pages: Record<string, LazyPage<object>> = {
    '/people': PeoplePage,
    '/organizations': OrganizationsPage,
    '/reminders': RemindersPage,
    '/import': ImportPage,
    '/settings': SettingsPage,
    '/goals': GoalsPage,
    '/events': EventsPage,
    '/career': CareerPage,
    '/network': NetworkPage,
  };
  return { page: pages[path] ?? TodayPage };
}

/** Starts loading the code of the page at this path (the app waits for it before its first render). */
export function preloadPage(path: string): Promise<unknown> {
  return pageFor(path).page.preload();
}

function Page() {
  const { path } = useLocation();
  const { page, id } = pageFor(path);
  return createElement(page as ComponentType<{ id?: string }>, id === undefined ? {} : { id });
}

export function App() {
  const client = useQueryClient();
  const status = useQuery({ queryKey: ['auth'], queryFn: () => get<AuthStatus>('/auth/status'), staleTime: Infinity });
  useEffect(() => whenUnauthorized(() => void client.invalidateQueries({ queryKey: ['auth'] })), [client]);
  if (status.data) setCsrfToken(status.data.csrfToken);
  if (!status.data) {
    return (
      <Center h="100vh">
        <Loader aria-label="Loading" />
      </Center>
    );
  }
  if (!status.data.setUp) return <SetupPage />;
  if (!status.data.authenticated) return <LoginPage />;
  return (
    <Shell>
      <Suspense
        fallback={
          <Center h={200}>
            <Loader aria-label="Loading page" />
          </Center>
        }
      >
        <Page />
      </Suspense>
    </Shell>
  );
}
