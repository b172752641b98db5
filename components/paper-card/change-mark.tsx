import type { SavedPaperChange } from '../../lib/watch/changes';
import { changeKind } from '../../lib/watch/changes';
import { latestAbsUrl } from '../../lib/ui/arxiv-links';
import { shortDate } from '../../lib/ui/day-groups';
import { MathText } from '../math/math-text';

interface ChangeMarkProps {
  id: string;
  /** How the paper differs from the one the reader saved (lib/watch/changes.ts). */
  change: SavedPaperChange | null;
  /** Withdrawn now, whether or not it was when saved. */
  withdrawn: boolean;
  now: number;
  /** The reader has seen the change: compare with the current version from now on. */
  onSeen?: () => void;
}

function headline(change: SavedPaperChange | null): string {
  if (!change) return 'Withdrawn on arXiv';
  switch (changeKind(change)) {
    case 'withdrawn':
      return change.version > change.savedVersion ? `Withdrawn in v${change.version} since you saved v${change.savedVersion}` : 'Withdrawn since you saved it';
    case 'revised':
      return `v${change.version} since you saved v${change.savedVersion}`;
    case 'published':
      return 'Published since you saved it';
  }
}

const doiUrl = (doi: string) => `https://doi.org/${doi.split('/').map(encodeURIComponent).join('/')}`;

/**
 * The mark on a saved paper's card that arXiv changed since it was saved: "v3 since you saved
 * v1" with the new version's date, what changed in arXiv's metadata, where it was published, a
 * link to arXiv's list of versions (the abstract page's submission history), and a way to say
 * it has been seen. Every text from arXiv is rendered as text.
 */
export function ChangeMark({ id, change, withdrawn, now, onSeen }: ChangeMarkProps) {
  if (!change && !withdrawn) return null;
  const kind = change ? changeKind(change) : 'withdrawn';
  const versions = latestAbsUrl(id);
  return (
    <div class={`card__change card__change--${kind}`} data-testid="saved-change" data-kind={kind}>
      <p class="card__change-line">
        <strong class="card__change-head">{headline(change)}</strong>
        {change && change.version > change.savedVersion && (
          <>
            {' · '}
            <time dateTime={change.revisedAt}>{shortDate(change.revisedAt, now)}</time>
          </>
        )}
        {change && change.fields.length > 0 && <span> · changed: {change.fields.join(', ')}</span>}
        {versions && (
          <>
            {' · '}
            <a href={versions} title="arXiv’s abstract page lists every version under “Submission history”">
              All versions
            </a>
          </>
        )}
        {change && onSeen && (
          <>
            {' · '}
            <button type="button" class="link-button" onClick={onSeen}>
              Mark as seen
            </button>
          </>
        )}
      </p>
      {change?.published && (
        <p class="card__change-line">
          Published: {change.published.journalRef && <span class="card__journal">{change.published.journalRef}</span>}
          {change.published.journalRef && change.published.doi && ' · '}
          {change.published.doi && <a href={doiUrl(change.published.doi)}>doi:{change.published.doi}</a>}
        </p>
      )}
      {change?.savedTitle !== undefined && (
        <p class="card__change-line">
          Saved as “<MathText text={change.savedTitle} />”
        </p>
      )}
    </div>
  );
}
