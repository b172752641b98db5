import type { RefObject } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { MachineSummary } from '../../lib/text/summarizer';
import { useServices } from '../common/services';
import type { CardExtras, CardOptions, KnownExtras, PaperRef } from './card-extras';

interface PaperFields extends PaperRef {
  title: string;
  summary: string;
}

export interface CardExtrasView {
  /** Whether the card shows figures: its figure's place is kept from the first frame. */
  figures: boolean;
  /** The first figure's address, once known; null: the paper has none; undefined: not known yet. */
  figureUrl: string | null | undefined;
  /** The model's headline and tldr, when the reader asked for them and they exist. */
  machine: MachineSummary | undefined;
}

function useCardOptions(extras: CardExtras | undefined): CardOptions | undefined {
  const [options, setOptions] = useState(() => extras?.options());
  useEffect(() => extras?.watchOptions(setOptions), [extras]);
  return options;
}

/**
 * Whether the card is near the screen now, and what is stored about it once it first was.
 * `leaving` is aborted the moment the card moves away, before the page redraws: a figure
 * waiting for its turn is dropped at once.
 */
function useNearAndStored(extras: CardExtras | undefined, card: RefObject<HTMLElement | null>, id: string, active: boolean) {
  const [near, setNear] = useState(false);
  const [stored, setStored] = useState<KnownExtras>();
  const leaving = useRef<AbortController | undefined>(undefined);
  useEffect(() => {
    const element = card.current;
    if (!extras || !active || !element) return;
    return extras.viewport.near(element, (isNear) => {
      if (!isNear) leaving.current?.abort();
      setNear(isNear);
    });
  }, [extras, card, active]);
  useEffect(() => {
    if (!extras || !near || stored) return;
    let current = true;
    void extras.stored(id).then((known) => current && setStored(known));
    return () => {
      current = false;
    };
  }, [extras, near, stored, id]);
  return { near, stored, leaving };
}

interface FigureInput {
  extras: CardExtras | undefined;
  paper: PaperRef;
  enabled: boolean;
  near: boolean;
  stored: KnownExtras | undefined;
  leaving: { current: AbortController | undefined };
}

/** The figure: stored, else asked for while the card is near the screen. */
function useFigure({ extras, paper, enabled, near, stored, leaving }: FigureInput) {
  const [fetched, setFetched] = useState<string | null>();
  const cached = stored?.figureUrl;
  const { id, version } = paper;
  useEffect(() => {
    if (!extras || !enabled || !near || !stored || cached !== undefined || fetched !== undefined) return;
    const leave = new AbortController();
    leaving.current = leave;
    extras.figure({ id, version }, leave.signal).then(setFetched, () => undefined);
    return () => leave.abort(); // scrolled away before its turn: not asked
  }, [extras, enabled, near, stored, cached, fetched, id, version, leaving]);
  return cached !== undefined ? cached : fetched;
}

/** The machine summary: stored, else written once the reader has looked at the card. */
function useMachineSummary(extras: CardExtras | undefined, card: RefObject<HTMLElement | null>, paper: PaperFields, enabled: boolean, stored: KnownExtras | undefined) {
  const [made, setMade] = useState<MachineSummary | null>();
  const cached = stored?.summary;
  useEffect(() => {
    const element = card.current;
    if (!extras || !enabled || !stored || cached || made !== undefined || !element) return;
    const gone = new AbortController();
    const stop = extras.viewport.lookedAt(element, () => {
      extras.summary({ ...paper, abstract: paper.summary }, gone.signal).then(setMade, () => undefined);
    });
    return () => {
      stop();
      gone.abort();
    };
  }, [extras, card, enabled, stored, cached, made, paper]);
  return cached ?? made ?? undefined;
}

/**
 * The extras of one card (new tab only): its first figure, asked for when the card comes near
 * the screen (unless `wanted` says the card shows none), and, when the reader turned them on, a
 * headline from the browser's model once they have looked at it. Nothing is asked before the
 * settings say so.
 */
export function useCardExtras(card: RefObject<HTMLElement | null>, source: PaperFields, wanted: { figures: boolean } = { figures: true }): CardExtrasView {
  const extras = useServices().cardExtras;
  const options = useCardOptions(extras);
  const { id, version, title, summary } = source;
  const paper = useMemo(() => ({ id, version, title, summary }), [id, version, title, summary]);
  const figures = wanted.figures && options?.figures === true;
  const headlines = options?.headlines === true;
  const { near, stored, leaving } = useNearAndStored(extras, card, id, figures || headlines);
  const figureUrl = useFigure({ extras, paper, enabled: figures, near, stored, leaving });
  const machine = useMachineSummary(extras, card, paper, headlines, stored);
  return { figures, figureUrl: figures ? figureUrl : undefined, machine: headlines ? machine : undefined };
}
