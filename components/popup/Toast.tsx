import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

export interface ToastMessage {
  id: number;
  text: string;
  undo?: () => Promise<void>;
}

/** Long enough to read the message and reach Undo by keyboard. */
const TOAST_MS = 8000;

export function useToast() {
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const counter = useRef(0);

  const notify = useCallback((text: string, undo?: () => Promise<void>) => {
    setToast({ id: ++counter.current, text, undo });
  }, []);

  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast((current) => (current?.id === toast.id ? null : current)), TOAST_MS);
    return () => clearTimeout(timer);
  }, [toast]);

  return { toast, notify, dismiss: () => setToast(null) };
}

export function Toast({ toast, onDismiss }: { toast: ToastMessage | null; onDismiss(): void }) {
  // The live region stays in the DOM so screen readers announce each new message.
  return (
    <div class="toast-region" role="status" aria-live="polite">
      {toast && (
        <div class="toast" data-testid="toast" key={toast.id}>
          <span class="toast__text">{toast.text}</span>
          {toast.undo && (
            <button
              type="button"
              class="toast__action"
              data-testid="toast-undo"
              onClick={() => {
                const undo = toast.undo;
                onDismiss();
                void undo?.();
              }}
            >
              Undo
            </button>
          )}
          <button type="button" class="toast__close" aria-label="Dismiss" onClick={onDismiss}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
