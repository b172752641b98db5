import type { ComponentChildren } from 'preact';
import { useMemo, useRef, useState } from 'preact/hooks';
import type { StoredPaper } from '../../lib/db/schema';
import { findCodeLinks } from '../../lib/text/code-links';
import { arxivLinks } from '../../lib/ui/arxiv-links';
import { MathText } from '../math/math-text';
import { useServices } from '../common/services';
import { Abstract } from './abstract';
import { Authors } from './authors';
import { onCardKey } from './card-keys';
import { CardComment, CardMeta, Why } from './card-meta';
import { CardActions, type CardMode } from './card-actions';
import { CardFigure } from './card-figure';
import { LeadLine } from './lead-line';
import { leave } from './card-focus';
import { usePaperActions } from './paper-actions';
import { PaperLink } from './paper-link';
import { useCardExtras } from './use-card-extras';

/**
 * Whether a card, or a Library entry, was past the first screen when first drawn: it keeps that
 * (its `content-visibility: auto`) for as long as it is drawn. A card that moved up into the
 * first screen and lost it (cards above it hidden, a new For-you order) was left blank by
 * Chromium, its box 29 px of padding, until something else laid it out again: after 10 of 14
 * "Not interested" in the For-you order (which reorders the cards), against none of 14 with the
 * class kept.
 */
export function useLaterAtFirst(later: boolean): boolean {
  return useState(later)[0];
}

/** The prefix of the ids of a card's elements: the paper's id, made safe for an id. */
export const domIdOf = (paper: StoredPaper) => `paper-${paper.id.replace(/[^\w-]/g, '-')}`;

export interface PaperCardProps {
  paper: StoredPaper;
  saved: boolean;
  /** Arrived since the reader last opened Paper Radar. */
  isNew: boolean;
  /** Labels of the subscriptions that matched it. */
  matched: string[];
  now: number;
  mode?: CardMode;
  /**
   * Past the first screen: drawn only when scrolled near. Read when the card is first drawn and
   * kept (see `useLaterAtFirst`).
   */
  later?: boolean;
  /** In the For-you order: why it is there, in a few words. */
  why?: string;
  /** A line under the card's first line, such as a saved paper's change since it was saved (change-mark.tsx). */
  mark?: ComponentChildren;
}

/**
 * One paper: what it is about (categories, date, the subscriptions that found it), its lead
 * line (the model's headline or the abstract's key result), title, authors, arXiv comment and
 * journal reference, the abstract with the first figure beside it (new tab), and what can be
 * done with it. Every text from arXiv or from the model is rendered as text.
 */
export function PaperCard({ paper, saved, isNew, matched, now, mode = 'feed', later = false, why, mark }: PaperCardProps) {
  const services = useServices();
  const actions = usePaperActions();
  const card = useRef<HTMLElement>(null);
  const drawnLater = useLaterAtFirst(later);
  const links = arxivLinks(paper.id, paper.version);
  const keyResult = useMemo(() => services.keyResult(paper.summary), [services, paper.summary]);
  const code = useMemo(() => findCodeLinks([paper.comment ?? '', paper.summary])[0], [paper.comment, paper.summary]);
  const { figures, figureUrl, machine } = useCardExtras(card, paper);
  if (!links) return null; // not an arXiv id: nothing on this card could link anywhere safe
  const domId = domIdOf(paper);
  const titleId = `${domId}-title`;
  const classes = ['card', paper.unread === 1 && 'card--unread', paper.hiddenAt !== undefined && 'card--hidden', drawnLater && 'card--later'].filter(Boolean).join(' ');

  const onKeyDown = (event: KeyboardEvent) => {
    if (card.current) onCardKey(event, card.current, (target) => void actions.open(paper, links.abs, target));
  };

  return (
    <article ref={card} class={classes} data-testid="paper-card" data-arxiv-id={paper.id} tabIndex={-1} aria-labelledby={titleId} onKeyDown={onKeyDown}>
      <CardMeta paper={paper} isNew={isNew} matched={matched} now={now} />
      {mark}
      {why && <Why text={why} />}
      <LeadLine machine={machine} keyResult={keyResult?.claim ?? null} />
      <h3 class="card__title" id={titleId} elementtiming="paper-card">
        <PaperLink paper={paper} url={links.abs} actions={actions} target="here">
          <MathText text={paper.title} />
        </PaperLink>
      </h3>
      <Authors names={paper.authors.map((author) => author.name)} />
      <CardComment paper={paper} />
      <div class={figures ? 'card__body card__body--figure' : 'card__body'}>
        {/* With the model's headline on top, nothing stands for the claim's sentence: the preview keeps it. */}
        <Abstract id={`${domId}-abstract`} text={paper.summary} claimSource={machine ? undefined : keyResult?.sentence} />
        {figures && <CardFigure url={figureUrl} title={paper.title} />}
      </div>
      <CardActions
        paper={paper}
        links={links}
        code={code}
        saved={saved}
        mode={mode}
        titleId={titleId}
        actions={actions}
        onLeave={(leaving) => leave(card.current, paper, mode, leaving)}
      />
    </article>
  );
}
