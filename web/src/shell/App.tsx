import { Center, Loader } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect } from 'react';
import { get, setCsrfToken, whenUnauthorized } from '../api';
import { LoginPage } from '../auth/LoginPage';
import { SetupPage } from '../auth/SetupPage';
import { useLocation } from './router';
import { Shell } from './Shell';

export interface AuthStatus {
  setUp: boolean;
  authenticated: boolean;
  csrfToken: string | null;
}

// Pages load on first visit, so the first screen downloads only what it shows.
const TodayPage = lazy(() => import('../today/TodayPage'));
const PeoplePage = lazy(() => import('../people/PeoplePage'));
const PersonPage = lazy(() => import('../people/PersonPage'));
const OrganizationsPage = lazy(() => import('../organizations/OrganizationsPage'));
const RemindersPage = lazy(() => import('../reminders/RemindersPage'));
const ImportPage = lazy(() => import('../imports/ImportPage'));
const SettingsPage = lazy(() => import('../settings/SettingsPage'));
const GoalsPage = lazy(() => import('../goals/GoalsPage'));
const EventsPage = lazy(() => import('../events/EventsPage'));
const CareerPage = lazy(() => import('../career/CareerPage'));
const EventPage = lazy(() => import('../events/EventPage'));
const NetworkPage = lazy(() => import('../network/NetworkPage'));

function Page() {
  const { path } = useLocation();
  const person = /^\/people\/([^/]+)$/.exec(path);
  if (person) return <PersonPage id={decodeURIComponent(person[1]!)} />;
  if (path === '/people') return <PeoplePage />;
  if (path === '/organizations') return <OrganizationsPage />;
  if (path === '/reminders') return <RemindersPage />;
  if (path === '/import') return <ImportPage />;
  if (path === '/settings') return <SettingsPage />;
  if (path === '/goals') return <GoalsPage />;
  const event = /^\/events\/([^/]+)$/.exec(path);
  if (event) return <EventPage id={decodeURIComponent(event[1]!)} />;
  if (path === '/events') return <EventsPage />;
  if (path === '/career') return <CareerPage />;
  if (path === '/network') return <NetworkPage />;
  return <TodayPage />;
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
