import { createElement, lazy, type ComponentType, type ReactElement } from 'react';

export interface LazyPage<P> {
  (props: P): ReactElement;
  /** Starts loading the page's code; resolves once it is there. */
  preload: () => Promise<unknown>;
}

/**
 * A page whose code loads on first visit. React.lazy suspends on its first render
 * even when the code has already arrived, and React then holds the page back until
 * its loading fallback has been shown for a while (about 300 ms). Once the code is
 * here (or preloaded), this renders the page at once, without suspending.
 */
export function lazyPage<P extends object>(load: () => Promise<{ default: ComponentType<P> }>): LazyPage<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const preload = () => (loading ??= load().then((m) => (loaded = m.default)));
  const Suspending = lazy(async () => ({ default: await preload() }));
  return Object.assign((props: P) => createElement(loaded ?? Suspending, props), {
    preload: () =>
      preload().catch((error: unknown) => {
        loading = undefined; // a later visit tries again
        throw error;
      }),
  });
}
