import { statSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import type { LocalServer } from '../../server/src/test/server-process';

/** The shutter, whatever type the next photo has. */
export const shutter = (page: Page) => page.getByRole('button', { name: /^Take photo/ });

/** This device's photos in the tray that reached a stage ('saved', 'review', 'failed', ...). */
export const jobsIn = (page: Page, stage: string) =>
  page.locator(`[data-testid="photo-job"][data-stage="${stage}"]`);

/** Presses the shutter and waits until the server has registered one more photo. */
export async function takePhoto(page: Page): Promise<void> {
  // The counter, not the tray: the tray shows only the latest photos.
  const counter = page.getByTestId('local-photo-count');
  const saved = Number(await counter.textContent());
  await shutter(page).click();
  await expect(counter).toHaveText(String(saved + 1));
}

/** The size of the object the local server stored for a photo, read from its data folder. */
export function storedBytes(server: Pick<LocalServer, 'dataDir'>, s3Key: string): number {
  return statSync(path.join(server.dataDir, 'objects', s3Key)).size;
}
