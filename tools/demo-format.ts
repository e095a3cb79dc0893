/** The demo's printout of detected claims: kind, speaker and text, one claim per block. */
import type { Claim } from '../core/claims/types';

export function formatClaims(claims: readonly Claim[], width = 100): string {
  return claims
    .map((claim, i) => {
      const head = `${String(i + 1).padStart(2)}. [${claim.kinds.join(', ')}]${claim.speaker ? ` — ${claim.speaker}` : ''}  (score ${claim.score.toFixed(2)})`;
      return `${head}\n${wrap(claim.text.replace(/\s+/g, ' ').trim(), width, '    ')}`;
    })
    .join('\n');
}

function wrap(text: string, width: number, indent: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(indent + line);
  return lines.join('\n');
}
