import { useState } from 'preact/hooks';
import { authorsLine } from '../../lib/ui/authors';

/** The first three authors and 'et al. (N)', a button that shows them all. */
export function Authors({ names }: { names: readonly string[] }) {
  const [expanded, setExpanded] = useState(false);
  const line = authorsLine(names);
  if (names.length === 0) return null;
  const shown = expanded ? names : line.shown;
  return (
    <p class="card__authors">
      {shown.join(', ')}
      {line.truncated && (
        <>
          {expanded ? ' ' : ' et al. '}
          <button
            type="button"
            class="link-button"
            aria-expanded={expanded}
            aria-label={expanded ? 'Show fewer authors' : `Show all ${line.total} authors`}
            onClick={() => setExpanded(!expanded)}
          >
            {expanded ? 'fewer' : `(${line.total})`}
          </button>
        </>
      )}
    </p>
  );
}
