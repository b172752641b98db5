import { useMemo, useRef, useState } from 'preact/hooks';
import { findCodeLinks } from '../../lib/text/code-links';
import { arxivLinks } from '../../lib/ui/arxiv-links';
import { shortDate } from '../../lib/ui/day-groups';
import { MathText } from '../math/math-text';
import { useServices } from '../common/services';
import { Abstract } from './abstract';
import { Authors, FirstAuthor } from './authors';
import { onCardKey } from './card-keys';
import { CardActions } from './card-actions';
import { CardComment, CardMeta, Why } from './card-meta';
import { MACHINE_NOTE } from './lead-line';
import { usePaperActions } from './paper-actions';
import { leave } from './card-focus';
import { domIdOf, type PaperCardProps } from './paper-card';
import { PaperLink } from './paper-link';
import { SaveToggle } from './save-toggle';
import { useCardExtras } from './use-card-extras';

/**
 * A paper in the new tab's compact view: its title, first author, date and Save on one line,
 * its claim on a second; it opens in place into the rest of the card (categories, authors,
 * abstract, actions). The keys are the card's: the row's buttons, shown or not, are the ones
 * they press. No figure is asked for.
 */
export function PaperRow({ paper, saved, isNew, matched, now, mode = 'feed', why }: PaperCardProps) {
  const services = useServices();
  const actions = usePaperActions();
  const row = useRef<HTMLElement>(null);
  const [open, setOpen] = useState(false);
  const links = arxivLinks(paper.id, paper.version);
  const keyResult = useMemo(() => services.keyResult(paper.summary), [services, paper.summary]);
  const code = useMemo(() => findCodeLinks([paper.comment ?? '', paper.summary])[0], [paper.comment, paper.summary]);
  const { machine } = useCardExtras(row, paper, { figures: false });
  if (!links) return null;
  const domId = domIdOf(paper);
  const titleId = `${domId}-title`;
  const detailsId = `${domId}-details`;
  const classes = ['row', paper.unread === 1 && 'row--unread', paper.hiddenAt !== undefined && 'card--hidden', open && 'row--open'];
  const onKeyDown = (event: KeyboardEvent) => {
    if (row.current) onCardKey(event, row.current, (target) => void actions.open(paper, links.abs, target));
  };
  const lead = machine?.headline ?? keyResult?.claim;
  return (
    <article
      ref={row}
      class={classes.filter(Boolean).join(' ')}
      data-testid="paper-card"
      data-arxiv-id={paper.id}
      tabIndex={-1}
      aria-labelledby={titleId}
      onKeyDown={onKeyDown}
    >
      <div class="row__line">
        <h3 class="row__title clamped-title" id={titleId} elementtiming="paper-card">
          <PaperLink paper={paper} url={links.abs} actions={actions} target="here">
            <MathText text={paper.title} />
          </PaperLink>
        </h3>
        <p class="row__byline">
          <FirstAuthor names={paper.authors.map((author) => author.name)} nameClass="row__author" othersClass="row__others" />
          <span aria-hidden="true"> · </span>
          <time dateTime={paper.published}>{shortDate(paper.published, now)}</time>
          {paper.unread === 1 && <span class="visually-hidden">. Unread</span>}
        </p>
        {isNew && <span class="card__flag card__flag--new">New</span>}
        <SaveToggle saved={saved} describedBy={titleId} onChange={(save) => actions.setSaved(paper, save)} />
        <button
          type="button"
          class="row__toggle"
          aria-expanded={open}
          aria-controls={detailsId}
          aria-describedby={titleId}
          data-action="expand"
          title={open ? 'Show less (e)' : 'Show the abstract and actions (e)'}
          onClick={() => setOpen(!open)}
        >
          <svg class="icon" viewBox="0 0 16 16" aria-hidden="true">
            <path d="m4 6 4 4 4-4" />
          </svg>
          <span class="visually-hidden">Details</span>
        </button>
      </div>
      {lead && (
        <p class={machine ? 'row__claim row__claim--machine' : 'row__claim'} data-lead={machine ? 'machine' : 'key-result'}>
          {machine && <span class="visually-hidden">{MACHINE_NOTE}: </span>}
          <MathText text={lead} />
        </p>
      )}
      {why && <Why text={why} />}
      {/* Hidden, not absent, while closed: x, n, m and e press these buttons as in a card. */}
      <div id={detailsId} class="row__details" hidden={!open}>
        <CardMeta paper={paper} isNew={false} matched={matched} now={now} brief />
        <Authors names={paper.authors.map((author) => author.name)} />
        <CardComment paper={paper} />
        <Abstract id={`${domId}-abstract`} text={paper.summary} claimSource={machine ? undefined : keyResult?.sentence} whole />
        <CardActions
          paper={paper}
          links={links}
          code={code}
          saved={saved}
          mode={mode}
          titleId={titleId}
          actions={actions}
          withSave={false}
          onLeave={(leaving) => leave(row.current, paper, mode, leaving)}
        />
      </div>
    </article>
  );
}
