import { expect, test } from '../../fixtures';
import { connectApp, serverSession, startSession } from '../../support/app';

test('typed digits are a GTIN; anything else is kept only as an explicit text code', async ({
  page,
  request,
  localServer,
  camera: _camera,
}) => {
  await connectApp(page, localServer);
  const session = await startSession(page);
  const field = page.getByLabel('Type a code');
  const add = page.getByRole('button', { name: 'Add' });

  // "12345" used to flash green and become a Code 128 capture.
  await field.fill('12345');
  await add.click();
  const reason = page.getByRole('alert').filter({ hasText: 'A GTIN has 8, 12, 13 or 14 digits' });
  await expect(reason).toBeInViewport();
  await expect(field).toHaveValue('12345');
  await expect(page.getByTestId('local-count')).toHaveText('0');

  // A wrong check digit offers no way round it.
  await field.fill('4006381333932');
  await add.click();
  await expect(page.getByRole('alert')).toContainText('check digit of 4006381333932 is wrong');
  await expect(page.getByRole('button', { name: 'Save as text code' })).toBeHidden();

  await field.fill('SKU-42 ✓');
  await add.click();
  await page.getByRole('button', { name: 'Save as text code' }).click();
  await field.fill('4006381333931');
  await add.click();
  await expect(page.getByTestId('local-count')).toHaveText('2');

  await expect
    .poll(async () =>
      (await serverSession(request, localServer, session)).captures.map((c) => [
        c.capture_type,
        c.raw_value,
        c.gtin,
        c.metadata['format'],
      ]),
    )
    .toEqual([
      ['MANUAL', 'SKU-42 ✓', '', 'text'],
      ['MANUAL', '4006381333931', '04006381333931', 'ean13'],
    ]);
});

test('a code longer than a capture holds is refused at the scan, with its reason', async ({
  page,
  camera,
  localServer,
}) => {
  await connectApp(page, localServer);
  await startSession(page);
  // The camera accepted a 1,122-character QR that the server then refused.
  await camera.show({ format: 'qr', value: `https://example.com/${'q'.repeat(1102)}` });
  await expect(page.getByTestId('scan-announcement')).toHaveText(
    'Not accepted: This code is 1,122 characters long; a capture holds at most 500.',
  );
  await expect(page.getByTestId('local-count')).toHaveText('0');
});
