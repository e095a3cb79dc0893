/** Turning storage failures into messages a user can act on. */

/** Chrome: "QUOTA_BYTES quota exceeded"; Firefox (IndexedDB backend): QuotaExceededError. */
export function isQuotaError(error: unknown): boolean {
  if (typeof error === 'object' && error !== null) {
    const { name, message } = error as { name?: unknown; message?: unknown };
    if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
    if (typeof message === 'string' && /quota/i.test(message)) return true;
  }
  return typeof error === 'string' && /quota/i.test(error);
}

/** `what` completes "could not save …", e.g. "this annotation". */
export function storageErrorMessage(error: unknown, what: string): string {
  if (isQuotaError(error)) {
    return (
      `Storage is full: could not save ${what}. Everything saved before is still there. ` +
      'Export your annotations, then delete ones you no longer need to make room.'
    );
  }
  const detail = error instanceof Error ? error.message : String(error);
  return `Could not save ${what}: the browser's storage reported an error (${detail.slice(0, 200)}). Everything saved before is still there.`;
}
