import type { Sound } from '../../components/states';

export type FeedbackKind = Sound;

const TONES: Record<FeedbackKind, { freq: number; ms: number; repeat: number; vibrate: number[] }> =
  {
    accepted: { freq: 1760, ms: 90, repeat: 1, vibrate: [60] },
    duplicate: { freq: 440, ms: 70, repeat: 2, vibrate: [30, 60, 30] },
    rejected: { freq: 150, ms: 220, repeat: 1, vibrate: [200] },
    queued: { freq: 880, ms: 90, repeat: 1, vibrate: [40] },
  };

/**
 * Sound and vibration for scan outcomes. Browsers start an AudioContext suspended until a user
 * gesture, so it is created and resumed on the first tap (unlock), then reused.
 */
export function createFeedback() {
  let audio: AudioContext | null = null;
  const unlock = () => {
    audio ??= new AudioContext();
    void audio.resume();
  };
  return {
    unlock,
    play(kind: FeedbackKind, { sound = true, vibration = true } = {}) {
      const tone = TONES[kind];
      if (vibration && 'vibrate' in navigator) navigator.vibrate(tone.vibrate);
      if (!sound || !audio || audio.state !== 'running') return;
      for (let i = 0; i < tone.repeat; i++) {
        const start = audio.currentTime + i * (tone.ms / 1000 + 0.05);
        const osc = audio.createOscillator();
        const gain = audio.createGain();
        osc.type = kind === 'rejected' ? 'square' : 'sine';
        osc.frequency.value = tone.freq;
        gain.gain.setValueAtTime(0.15, start);
        gain.gain.exponentialRampToValueAtTime(0.001, start + tone.ms / 1000);
        osc.connect(gain).connect(audio.destination);
        osc.start(start);
        osc.stop(start + tone.ms / 1000);
      }
    },
  };
}
