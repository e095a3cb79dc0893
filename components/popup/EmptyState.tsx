import type { ComponentChildren } from 'preact';

interface EmptyStateProps {
  title: string;
  children?: ComponentChildren;
  /** 'busy' shows a spinner and announces politely; 'error' is styled as a problem. */
  tone?: 'info' | 'busy' | 'error';
}

/** One honest sentence about why there is nothing to show, and what to do about it. */
export function EmptyState({ title, children, tone = 'info' }: EmptyStateProps) {
  return (
    <div
      class={`empty empty--${tone}`}
      data-testid="empty-state"
      role={tone === 'error' ? 'alert' : 'status'}
      aria-busy={tone === 'busy' ? true : undefined}
    >
      {tone === 'busy' && <span class="spinner" aria-hidden="true" />}
      <p class="empty__title" data-testid="empty-state-message">
        {title}
      </p>
      {children && <div class="empty__body">{children}</div>}
    </div>
  );
}
