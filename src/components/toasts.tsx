import { create } from 'zustand';

interface Toast {
  id: number;
  message: string;
}

interface ToastState {
  toasts: Toast[];
  shown: (message: string) => void;
  dismissed: (id: number) => void;
}

let next = 0;
const MAX = 3;

/**
 * The one channel for failures that happen in the background (an item the server refused while
 * the operator was elsewhere, a failed sync): STYLE.md habit 9. Render crashes go to error
 * boundaries, expected states stay inline.
 */
export const useToastStore = create<ToastState>()((set) => ({
  toasts: [],
  shown: (message) => set((s) => ({ toasts: [...s.toasts, { id: ++next, message }].slice(-MAX) })),
  dismissed: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
}));

export const toast = (message: string) => useToastStore.getState().shown(message);

/** The toasts, announced politely; each stays until dismissed (a failure must not slip by). */
export function Toasts() {
  const { toasts, dismissed } = useToastStore();
  return (
    // A live region, but not a status role: screens have their own status lines.
    <div className="toasts" aria-live="polite">
      {toasts.map((t) => (
        <p key={t.id} className="toast" data-testid="toast">
          <span>{t.message}</span>
          <button
            type="button"
            className="button button-ghost"
            aria-label="Dismiss"
            onClick={() => dismissed(t.id)}
          >
            ✕
          </button>
        </p>
      ))}
    </div>
  );
}
