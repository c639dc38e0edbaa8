import { useEffect, useState } from 'react';
import { useThrottleStore } from '../lib/throttle';

/** Says when the server asked us to slow down, and until when; gone once a request succeeds. */
export function ThrottleBanner() {
  const throttle = useThrottleStore((s) => s.throttle);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!throttle) return;
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, [throttle]);
  if (!throttle) return null;
  const seconds = Math.max(0, Math.ceil((throttle.until - now) / 1000));
  return (
    <p className="banner banner-warn" role="status">
      {throttle.daily
        ? `Daily request limit reached: updates resume at ${new Date(throttle.until).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}. Scans are kept meanwhile.`
        : seconds > 0
          ? `Slowing down: the server asked for a pause (${seconds} s).`
          : 'Slowing down: retrying now.'}
    </p>
  );
}
