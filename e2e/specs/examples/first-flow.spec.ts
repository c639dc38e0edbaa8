// The example from e2e/README.md, line for line.
import { connectApp, expect, serverGtins, startSession, test } from '../../index';

test('an EAN-13 shown to the camera is saved with its GTIN-14', async ({
  page,
  camera,
  request,
  localServer,
}) => {
  await connectApp(page, localServer);
  const session = await startSession(page);
  await camera.show({ format: 'ean13', value: '4006381333931' });
  await expect(page.getByTestId('scan-announcement')).toHaveText('Scanned: 4006381333931');
  await expect.poll(() => serverGtins(request, localServer, session)).toEqual(['04006381333931']);
});
