import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useApiClient } from '../../lib/api-context';
import { connectionQueries } from './connection-queries';
import { useSettingsStore } from './settings-store';

/**
 * With the local server on the LAN (`npm start -- --lan`): a QR code a phone scans to trust
 * this server and connect. Nothing at all against any other server. The QR encoder loads only
 * when there is something to encode.
 */
export function PhoneTrust() {
  const client = useApiClient();
  const baseUrl = useSettingsStore((s) => s.apiBaseUrl);
  const lan = useQuery(connectionQueries.lan(client, baseUrl));
  const url = lan.data?.lan ? lan.data.trust_url : undefined;
  const [image, setImage] = useState<string | null>(null);

  useEffect(() => {
    if (!url) return;
    let live = true;
    void import('qrcode')
      .then((qr) => qr.toDataURL(url, { margin: 1, width: 240 }))
      .then((data) => live && setImage(data));
    return () => {
      live = false;
    };
  }, [url]);

  if (!url) return null;
  return (
    <section className="card" aria-labelledby="phone-trust-heading">
      <h2 id="phone-trust-heading">Add a phone</h2>
      <p>
        Scan this with the phone&apos;s camera, then follow the steps to trust this server. The
        certificate only identifies this scanner server on this network.
      </p>
      {image && (
        <img src={image} width={240} height={240} alt={`QR code for ${url}`} className="qr" />
      )}
      <p className="muted">
        <bdi>{url}</bdi>
      </p>
    </section>
  );
}
