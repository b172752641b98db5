import { useState } from 'preact/hooks';
import { MathText } from '../math/math-text';

// Below this length an abstract fits in three lines on a card and needs no control.
const SHORT_ABSTRACT = 260;

interface AbstractProps {
  id: string;
  text: string;
}

/**
 * The abstract clamped to three lines, with a control to read it whole. Screen readers get the
 * whole text either way: the clamp is only visual.
 */
export function Abstract({ id, text }: AbstractProps) {
  const [expanded, setExpanded] = useState(false);
  const long = text.length > SHORT_ABSTRACT;
  return (
    <div class="card__abstract-box">
      <p id={id} class={long && !expanded ? 'card__abstract card__abstract--clamped' : 'card__abstract'}>
        <MathText text={text} />
      </p>
      {long && (
        <button
          type="button"
          class="link-button card__expand"
          aria-expanded={expanded}
          aria-controls={id}
          data-action="expand"
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? 'Show less' : 'Show full abstract'}
        </button>
      )}
    </div>
  );
}
