import { FirstAuthor } from './authors';
import type { StoredPaper } from '../../lib/db/schema';
import { arxivLinks } from '../../lib/ui/arxiv-links';
import { shortDate } from '../../lib/ui/day-groups';
import { hasCommandModifier, isTypingTarget } from '../common/keys';
import { MathText } from '../math/math-text';
import { usePaperActions } from './paper-actions';
import { Why } from './card-meta';
import { PaperLink } from './paper-link';
import { SaveToggle } from './save-toggle';

interface CompactCardProps {
  paper: StoredPaper;
  saved: boolean;
  isNew: boolean;
  now: number;
  /** In the For-you order: why it is there. */
  why?: string;
}

/** A paper in the popup: title, first author, date and Save; the title opens it in a new tab. */
export function CompactCard({ paper, saved, isNew, now, why }: CompactCardProps) {
  const actions = usePaperActions();
  const links = arxivLinks(paper.id, paper.version);
  if (!links) return null;
  const titleId = `mini-${paper.id.replace(/[^\w-]/g, '-')}`;
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.defaultPrevented || hasCommandModifier(event) || isTypingTarget(event.target)) return;
    if (event.key === 'o' || (event.key === 'Enter' && event.target === event.currentTarget)) {
      void actions.open(paper, links.abs, 'new-tab');
    } else if (event.key === 's') {
      (event.currentTarget as HTMLElement).querySelector<HTMLElement>('[data-action="save"]')?.click();
    } else return;
    event.preventDefault();
  };
  return (
    <article
      class={paper.unread === 1 ? 'mini mini--unread' : 'mini'}
      data-testid="paper-card"
      data-arxiv-id={paper.id}
      tabIndex={-1}
      aria-labelledby={titleId}
      onKeyDown={onKeyDown}
    >
      <div class="mini__body">
        <h2 class="mini__title clamped-title" id={titleId} elementtiming="paper-card">
          <PaperLink paper={paper} url={links.abs} actions={actions} target="new-tab">
            <MathText text={paper.title} />
          </PaperLink>
        </h2>
        <p class="mini__meta">
          <FirstAuthor names={paper.authors.map((a) => a.name)} nameClass="mini__author" />
          <span aria-hidden="true"> · </span>
          <time dateTime={paper.published}>{shortDate(paper.published, now)}</time>
          {isNew && <span class="card__flag card__flag--new">New</span>}
        </p>
        {why && <Why text={why} />}
      </div>
      <SaveToggle saved={saved} describedBy={titleId} onChange={(save) => actions.setSaved(paper, save)} />
    </article>
  );
}
