import { VERDICTS, type Verdict } from '../../core/annotations/model';
import type { ClaimKind } from '../../core/claims/types';
import { kindInfo } from '../card/kinds';

/**
 * Kind chips share labels and hues with the hover card (components/card/kinds.ts), whose colours
 * are those of the page highlights: a chip looks like its highlight.
 */
export function KindChips({ kinds }: { kinds: readonly ClaimKind[] }) {
  return (
    <span class="chips">
      {kinds.map((kind) => {
        const info = kindInfo(kind);
        return (
          <span
            key={kind}
            class="chip chip--kind"
            data-testid="claim-kind"
            data-kind={kind}
            title={info.hint || undefined}
            style={{ '--kind': info.colour }}
          >
            {info.label}
          </span>
        );
      })}
    </span>
  );
}

export function verdictInfo(verdict: Verdict | null | undefined) {
  return verdict ? VERDICTS.find((v) => v.id === verdict) : undefined;
}

export function VerdictBadge({ verdict }: { verdict: Verdict | null | undefined }) {
  const info = verdictInfo(verdict);
  if (!info) return <span class="verdict verdict--none" data-testid="verdict-badge">No verdict</span>;
  return (
    <span class="verdict" data-testid="verdict-badge" data-verdict={info.id} style={{ '--verdict-colour': info.colour }}>
      <span class="verdict__dot" aria-hidden="true" />
      {info.label}
    </span>
  );
}
