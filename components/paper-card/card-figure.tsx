import { useState } from 'preact/hooks';
import { texTextToPlain } from '../../lib/text/tex-text';

interface CardFigureProps {
  /** The first figure's address; null when the paper has none; undefined while not known. */
  url: string | null | undefined;
  title: string;
}

/**
 * The paper's first figure, in a box of fixed size beside the abstract. The box is there from
 * the card's first frame, before anyone knows whether the paper has a figure: the abstract is
 * laid out around it once, and neither the figure's arrival nor its absence moves a line. A
 * paper without a figure (or whose image fails) leaves the box empty. The image is fetched
 * without a referrer, like any link off the extension's pages.
 */
export function CardFigure({ url, title }: CardFigureProps) {
  const [failed, setFailed] = useState<string>();
  const shown = url && failed !== url ? url : null;
  const state = shown ? 'shown' : url === undefined ? 'waiting' : 'none';
  return (
    <div class={`card__figure card__figure--${state}`} data-figure={state}>
      {shown && (
        <img
          src={shown}
          alt={`First figure of ${texTextToPlain(title)}`}
          loading="lazy"
          decoding="async"
          referrerpolicy="no-referrer"
          onError={() => setFailed(shown)}
        />
      )}
    </div>
  );
}
