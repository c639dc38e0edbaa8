import type { CaptureStatus } from '#contract';
import { StateChip } from '../../components/status-badge';
import { CAPTURE_STATES } from '../../components/states';

/** A capture's status as words, an icon and a colour (never colour alone). */
export function CaptureStatusChip({ status }: { status: CaptureStatus }) {
  return <StateChip state={CAPTURE_STATES[status]} />;
}
