import type { StoredPaper } from '../../lib/db/schema';
import { shortDate } from '../../lib/ui/day-groups';
import { Highlighted } from '../common/highlight';
import { categoryTitle } from './category-names';

interface CardMetaProps {
  paper: StoredPaper;
  isNew: boolean;
  matched: string[];
  now: number;
  /** Without the date and the New flag (a compact row shows them on its first line). */
  brief?: boolean;
}

/** What a paper is about and where it came from: categories, date, the subscriptions that found it, its flags. */
export function CardMeta({ paper, isNew, matched, now, brief = false }: CardMetaProps) {
  const unread = paper.unread === 1;
  const hidden = paper.hiddenAt !== undefined;
  const others = paper.categories.filter((category) => category !== paper.primaryCategory);
  return (
    <div class="card__meta">
      <span class="card__category" title={categoryTitle(paper.primaryCategory)}>
        {paper.primaryCategory}
      </span>
      {others.length > 0 && <span class="card__categories">{others.join(' ')}</span>}
      {!brief && (
        <span class="card__date">
          <time dateTime={paper.published}>{shortDate(paper.published, now)}</time>
          {paper.version > 1 && <span title={`Revised: version ${paper.version}, ${shortDate(paper.updated, now)}`}> · v{paper.version}</span>}
        </span>
      )}
      {brief && paper.version > 1 && <span>v{paper.version}, revised {shortDate(paper.updated, now)}</span>}
      {matched.length > 0 && <span class="card__matched">{matched.join(', ')}</span>}
      <span class="card__flags">
        {unread && <span class="visually-hidden">Unread.</span>}
        {hidden && <span class="card__flag">Hidden</span>}
        {isNew && !brief && <span class="card__flag card__flag--new">New</span>}
      </span>
    </div>
  );
}

/** arXiv's comment and journal reference, when the paper has either. */
export function CardComment({ paper }: { paper: StoredPaper }) {
  if (!paper.comment && !paper.journalRef) return null;
  return (
    <p class="card__comment">
      {paper.comment && <Highlighted text={paper.comment} />}
      {paper.comment && paper.journalRef && <span aria-hidden="true"> · </span>}
      {paper.journalRef && <span class="card__journal">{paper.journalRef}</span>}
    </p>
  );
}

/** Why a paper stands where it does in the For-you order, in one short line. */
export function Why({ text }: { text: string }) {
  return (
    <p class="card__why" data-testid="why">
      <span class="visually-hidden">Why it is here: </span>
      {text}
    </p>
  );
}
