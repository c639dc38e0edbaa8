import { createElement, lazy, type ReactNode } from 'react';

type Screen = () => ReactNode;

/**
 * A screen in its own chunk, loaded on arrival (React.lazy), that can also be loaded ahead with
 * `preload()`. Once its code is in, it draws at once instead of suspending: the first screen of
 * a cold load is loaded before the first render (src/main.tsx), so the first commit is that
 * screen. Suspending there committed the splash fallback first, and React then holds a reveal
 * back for 300 ms: the screen appeared about 250 ms after its data (Lighthouse: TBT 130-260 ->
 * 25-190 ms on Session and the scanner).
 */
export function lazyScreen<M>(load: () => Promise<M>, pick: (m: M) => Screen) {
  let ready: Screen | null = null;
  const preload = () =>
    load().then((m) => {
      ready = pick(m);
      return ready;
    });
  const Lazy = lazy(() => preload().then((component) => ({ default: component })));
  const LazyScreen = () => (ready ? createElement(ready) : <Lazy />);
  return Object.assign(LazyScreen, { preload });
}
