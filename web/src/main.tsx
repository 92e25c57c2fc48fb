import '@mantine/core/styles.css';
import { createTheme, MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { get } from './api';
import { DEFAULT_FILTERS, peopleQuery } from './people/people-query';
import { App, preloadPage } from './shell/App';

const theme = createTheme({ primaryColor: 'teal', defaultRadius: 'md', fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif' });
const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: 10_000, retry: (count, error) => count < 2 && !('status' in (error as object)) } } });

// Ask who is logged in at once (everything waits for it), and when opening /people
// directly, fetch its first page while the app starts.
void queryClient.prefetchQuery({ queryKey: ['auth'], queryFn: () => get('/auth/status'), staleTime: Infinity });
if (location.pathname === '/people') void queryClient.prefetchInfiniteQuery(peopleQuery(DEFAULT_FILTERS)).catch(() => {});

// The first render waits for the code of the page it opens on, so that page shows at
// once rather than after a loading spinner (see lazyPage). If the code cannot be
// loaded, the app renders anyway and the page reports the failure.
const render = () =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <MantineProvider theme={theme} defaultColorScheme="auto">
        <QueryClientProvider client={queryClient}>
          <App />
        </QueryClientProvider>
      </MantineProvider>
    </StrictMode>,
  );
void preloadPage(location.pathname).then(render, render);
