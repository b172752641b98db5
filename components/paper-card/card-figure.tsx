import { useState } from 'preact/hooks';
import { texTextToPlain } from '../../lib/text/tex-text';

/**
 * The paper's first figure, in a box of fixed size beside the abstract: the box holds its place
 * while the image loads, so nothing on the page moves. An image that fails to load leaves no
 * trace. The image is fetched without a referrer, like any link off the extension's pages.
 */
export function CardFigure({ url, title }: { url: string; title: string }) {
  const [failed, setFailed] = useState<string>();
  if (failed === url) return null;
  return (
    <div class="card__figure">
      <img
        src={url}
        alt={`First figure of ${texTextToPlain(title)}`}
        loading="lazy"
        decoding="async"
        referrerpolicy="no-referrer"
        onError={() => setFailed(url)}
      />
    </div>
  );
}
