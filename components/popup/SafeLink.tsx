import type { ComponentChildren } from 'preact';
import { sourceUrlProblem } from './logic';

/**
 * A link to a page outside the extension: only http(s) URLs become links (anything else, such as
 * javascript: or data:, is shown as plain text), always in a new tab without opener or referrer.
 */
export function SafeLink({ href, children, class: className }: { href: string; children?: ComponentChildren; class?: string }) {
  if (!href || sourceUrlProblem(href) !== null) return <span class={className}>{children ?? href}</span>;
  return (
    <a class={className} href={href} target="_blank" rel="noopener noreferrer">
      {children ?? href}
    </a>
  );
}
