import { useEffect, useRef } from 'react';
import { WedgeDetector } from './wedge-detector';

const isEditable = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** Listens for a keyboard-wedge scanner while no text field has the focus. */
export function useWedgeScanner(onScan: (code: string) => void): void {
  const latest = useRef(onScan);
  useEffect(() => {
    latest.current = onScan;
  });
  useEffect(() => {
    const detector = new WedgeDetector();
    const onKey = (event: KeyboardEvent) => {
      if (isEditable(event.target)) return;
      const code = detector.key(event.key, event.timeStamp);
      if (code !== null) {
        event.preventDefault();
        latest.current(code);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
