import { formatApiKey } from '../../../contract/index';
import { expect, test } from '../../fixtures';

// Well formed, with a good checksum, but issued by no server.
const UNKNOWN_KEY = formatApiKey('cpk', 'Unknown0Key0Issued0By0No0Server0');

test('/connect with a key the server does not know says so, and keeps nothing', async ({
  page,
  camera: _camera,
}) => {
  await page.goto(`/connect#key=${UNKNOWN_KEY}&api=`);
  await expect(page.getByRole('alert')).toContainText('The server refused this key');
  // The key left the address bar at once.
  expect(new URL(page.url()).hash).toBe('');
  await page.goto('/');
  await expect(page.getByText('No API key saved yet.')).toBeVisible();
});

test('a start button without a key leads to "Connect this device", then on to the session', async ({
  page,
  localServer,
  camera: _camera,
}) => {
  await page.goto('/');
  await page.getByRole('link', { name: /^Barcode/ }).click();
  await expect(page.getByRole('heading', { name: 'Connect this device' })).toBeVisible();
  const field = page.getByLabel('Key or connect link');
  await field.fill(UNKNOWN_KEY);
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('The server refused this key');
  await field.fill(localServer.key);
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page).toHaveURL(/\/sessions\/\w{22}\/scan$/);
  await page.goto('/');
  await expect(page.getByText(/Connected · v\d/)).toBeVisible();
});

test('the connect QR code, scanned with the camera, connects this device', async ({
  page,
  camera,
  localServer,
  baseURL,
}) => {
  await page.goto('/connect');
  await page.getByRole('button', { name: 'Scan the connect QR code' }).click();
  await expect(page.getByLabel('Camera view')).toBeVisible();
  await camera.show({ format: 'qr', value: `${baseURL}/trust#key=${localServer.key}` });
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByText(/Connected · v\d/)).toBeVisible();
});

test('Settings saves a connection only once the server takes the key', async ({
  page,
  localServer,
  camera: _camera,
}) => {
  await page.goto('/settings');
  await page.getByLabel('API key').fill(UNKNOWN_KEY);
  await page.getByRole('button', { name: 'Save connection' }).click();
  const verdict = page.getByRole('status').filter({ hasText: 'refused this key' });
  await expect(verdict).toBeVisible();
  await expect(verdict).not.toContainText('Saved');
  await page.getByLabel('API key').fill(localServer.key);
  await page.getByRole('button', { name: 'Save connection' }).click();
  await expect(page.getByRole('status').filter({ hasText: /took the key/ })).toContainText('Saved');
  await page.goto('/');
  await expect(page.getByText(/Connected · v\d/)).toBeVisible();
});

test('a connect link opened while "Connect this device" is on screen connects', async ({
  page,
  localServer,
  camera: _camera,
}) => {
  await page.goto('/connect');
  await expect(page.getByRole('heading', { name: 'Connect this device' })).toBeVisible();
  // The same document, a new fragment: it used to be ignored.
  await page.goto(`/connect#key=${localServer.key}&api=`);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByText(/Connected · v\d/)).toBeVisible();
  await page.goto('/connect#key=not-a-key');
  await expect(page.getByRole('alert')).toContainText('That is not an API key or a connect link.');
  expect(new URL(page.url()).hash).toBe('');
});
