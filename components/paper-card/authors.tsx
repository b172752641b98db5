import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { authorsLine } from '../../lib/ui/authors';
import { Highlighted } from '../common/highlight';

/**
 * Names, each in its own bidi isolate: a direction override in one name (arXiv passes them
 * through) cannot reverse the names after it.
 */
function NameList({ names }: { names: readonly string[] }) {
  return (
    <>
      {names.map((name, i) => (
        <Fragment key={i}>
          {i > 0 && ', '}
          <bdi>
            <Highlighted text={name} />
          </bdi>
        </Fragment>
      ))}
    </>
  );
}

/** The first three authors and 'et al. (N)', a button that shows them all. */
export function Authors({ names }: { names: readonly string[] }) {
  const [expanded, setExpanded] = useState(false);
  const line = authorsLine(names);
  if (names.length === 0) return null;
  const shown = expanded ? names : line.shown;
  return (
    <p class="card__authors">
      <NameList names={shown} />
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

/**
 * The first author, in `nameClass` (cut with an ellipsis where a line runs out of room), then how
 * many others in a span of its own (`othersClass`), which is not cut with the name: "Giorgi
 * Merabis… + 2", not "Giorgi Merabis…".
 */
export function FirstAuthor({ names, nameClass, othersClass }: { names: readonly string[]; nameClass: string; othersClass?: string }) {
  const [first = '', ...others] = names;
  return (
    <>
      <span class={nameClass}>{first}</span>
      {others.length > 0 && <span class={othersClass}> + {others.length}</span>}
    </>
  );
}
