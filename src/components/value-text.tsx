import { visibleText } from '../lib/visible-text';

/**
 * A scanned value on screen: isolated from the text around it (its direction cannot reorder the
 * line), hidden characters shown, and free to wrap anywhere, so a 500-character unbroken value
 * never pushes the page wider than the screen.
 */
export function ValueText({ text, className }: { text: string; className?: string }) {
  return (
    <bdi className={className ? `value-text ${className}` : 'value-text'}>{visibleText(text)}</bdi>
  );
}
