import { render, screen } from '@testing-library/react';
import { type ReactNode, Suspense } from 'react';
import { describe, expect, it } from 'vitest';
import { lazyScreen } from './lazy-screen';

const module = { Drawn: () => <p>drawn</p> };
const inSuspense = (Screen: () => ReactNode) =>
  render(
    <Suspense fallback={<p>waiting</p>}>
      <Screen />
    </Suspense>,
  );

describe('lazyScreen', () => {
  it('draws at once, without its fallback, once preloaded', async () => {
    const Screen = lazyScreen(
      () => Promise.resolve(module),
      (m) => m.Drawn,
    );
    await Screen.preload();
    inSuspense(Screen);
    expect(screen.getByText('drawn')).toBeTruthy();
    expect(screen.queryByText('waiting')).toBeNull();
  });

  it('loads on arrival otherwise, with its fallback meanwhile', async () => {
    const Screen = lazyScreen(
      () => Promise.resolve(module),
      (m) => m.Drawn,
    );
    inSuspense(Screen);
    expect(screen.getByText('waiting')).toBeTruthy();
    expect(await screen.findByText('drawn')).toBeTruthy();
  });
});
