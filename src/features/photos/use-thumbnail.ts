import { useEffect, useState } from 'react';
import { thumbnails } from '../../lib/idb';

/** An object URL for the thumbnail this device kept of a photo, or null when it has none. */
export function useThumbnail(s3Key: string): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let revoked = false;
    let made: string | null = null;
    void thumbnails.get(s3Key).then((blob) => {
      if (revoked || !blob) return;
      made = URL.createObjectURL(blob);
      setUrl(made);
    });
    return () => {
      revoked = true;
      if (made) URL.revokeObjectURL(made);
    };
  }, [s3Key]);
  return url;
}
