import type { CaptureStatus } from '#contract';
import { StatusBadge, type Tone } from '../../components/status-badge';

const STATUS: Record<CaptureStatus, { label: string; tone: Tone }> = {
  PENDING: { label: 'Pending', tone: 'neutral' },
  LOOKING_UP: { label: 'Looking up', tone: 'info' },
  ENRICHING: { label: 'Enriching', tone: 'info' },
  RESOLVING: { label: 'Resolving', tone: 'info' },
  COMPLETED: { label: 'Completed', tone: 'ok' },
  NOT_FOUND: { label: 'Not found', tone: 'warn' },
  FAILED: { label: 'Failed', tone: 'error' },
};

/** A capture's status as words, an icon and a colour (never colour alone). */
export function CaptureStatusChip({ status }: { status: CaptureStatus }) {
  const { label, tone } = STATUS[status];
  return <StatusBadge tone={tone}>{label}</StatusBadge>;
}
