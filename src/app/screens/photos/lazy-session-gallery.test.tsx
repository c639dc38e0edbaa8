import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../../../test/render';
import { LazySessionGallery } from './lazy-session-gallery';

describe('LazySessionGallery', () => {
  it('says there are no photos at once, without waiting for the gallery’s code', () => {
    renderWithApp(
      <LazySessionGallery sessionId="s1" photos={[]} captures={[]} perProduct active />,
    );
    expect(screen.getByText('No photos in this session yet.')).toBeTruthy();
    expect(screen.queryByText('Loading the photos…')).toBeNull();
  });
});
