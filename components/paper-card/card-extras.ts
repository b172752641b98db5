import type { ExtrasChanges } from '../../lib/db/extras';
import type { PaperExtras } from '../../lib/db/schema';
import type { MachineSummary, PaperSummarizer, PaperText } from '../../lib/text/summarizer';
import type { SendMessage } from '../common/services';
import { createTaskQueue, type PageVisibility } from './request-queue';
import type { Viewport } from './viewport';

/** What the reader chose to see on cards (Options → Settings). */
export interface CardOptions {
  figures: boolean;
  headlines: boolean;
}

export interface PaperRef {
  id: string;
  version: number;
}

/** What is known about a paper besides arXiv's metadata. */
export interface KnownExtras {
  /** The first figure's address; null when the paper has none; absent when not asked yet. */
  figureUrl?: string | null;
  summary?: MachineSummary;
}

/**
 * Figures and machine headlines for the new tab's cards. Absent from the services of pages
 * whose cards show neither (the popup).
 */
export interface CardExtras {
  viewport: Viewport;
  /** The reader's choices; undefined until read. */
  options(): CardOptions | undefined;
  /** Calls back with the choices once read and whenever they change. */
  watchOptions(listener: (options: CardOptions) => void): () => void;
  /** What is stored about a paper. Cards that ask at the same moment are read together. */
  stored(id: string): Promise<KnownExtras>;
  /** The paper's first figure, asked of the background when its turn comes (see createTaskQueue). */
  figure(paper: PaperRef, signal: AbortSignal): Promise<string | null>;
  /** A headline and tldr from the browser's model, in idle time, one paper at a time; null when it cannot. */
  summary(paper: PaperRef & PaperText, signal: AbortSignal): Promise<MachineSummary | null>;
}

export interface ExtrasStore {
  get(ids: readonly string[]): Promise<Map<string, PaperExtras>>;
  put(id: string, changes: ExtrasChanges): Promise<void>;
}

export interface OptionsSource {
  get(): Promise<CardOptions>;
  watch(listener: (options: CardOptions) => void): () => void;
}

export interface CardExtrasDeps {
  send: SendMessage;
  store: ExtrasStore;
  options: OptionsSource;
  /** The choices as last seen (kept by the page), so cards are laid out for them before settings load. */
  lastOptions?: CardOptions;
  /** The model, created when first needed. */
  summarizer: () => Promise<PaperSummarizer>;
  viewport: Viewport;
  visibility: PageVisibility;
  /** Resolves when the page has a moment to spare. */
  idle: () => Promise<void>;
}

/** Only an image on arxiv.org is ever shown, whatever the store holds. */
export function isArxivImageUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.hostname === 'arxiv.org';
  } catch {
    return false;
  }
}

const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

function knownFrom(row: PaperExtras | undefined): KnownExtras {
  if (!row) return {};
  const known: KnownExtras = {};
  if (row.figureUrl === null || (typeof row.figureUrl === 'string' && isArxivImageUrl(row.figureUrl))) known.figureUrl = row.figureUrl;
  if (typeof row.headline === 'string' && row.headline !== '') {
    known.summary = typeof row.tldr === 'string' && row.tldr !== '' ? { headline: row.headline, tldr: row.tldr } : { headline: row.headline };
  }
  return known;
}

/** Reads `get` once for all the ids asked for in the same task. */
function batchedReader(get: ExtrasStore['get']): (id: string) => Promise<PaperExtras | undefined> {
  let batch: { ids: Set<string>; rows: Promise<Map<string, PaperExtras>> } | undefined;
  return (id) => {
    if (!batch) {
      const ids = new Set<string>();
      const rows = new Promise<void>((resolve) => queueMicrotask(resolve)).then(() => {
        batch = undefined;
        return get([...ids]);
      });
      batch = { ids, rows };
    }
    batch.ids.add(id);
    return batch.rows.then((rows) => rows.get(id));
  };
}

function watchedOptions(source: OptionsSource, last: CardOptions | undefined): Pick<CardExtras, 'options' | 'watchOptions'> {
  let current = last;
  const listeners = new Set<(options: CardOptions) => void>();
  let started = false;
  const set = (options: CardOptions) => {
    current = options;
    listeners.forEach((listener) => listener(options));
  };
  return {
    options: () => current,
    watchOptions(listener) {
      listeners.add(listener);
      if (current) listener(current);
      if (!started) {
        started = true;
        source.get().then(set, () => undefined);
        source.watch(set);
      }
      return () => listeners.delete(listener);
    },
  };
}

/**
 * Card extras for one page: stored answers first; figures from the background and summaries
 * from the model each through their own queue (one at a time, none while the page is hidden);
 * what failed is not tried again until the next page.
 */
export function createCardExtras(deps: CardExtrasDeps): CardExtras {
  const known = new Map<string, KnownExtras>();
  const failed = { figure: new Set<string>(), summary: new Set<string>() };
  const read = batchedReader(deps.store.get);
  const figures = createTaskQueue(deps.visibility);
  const summaries = createTaskQueue(deps.visibility, deps.idle);
  const remember = (id: string, extras: KnownExtras) => known.set(id, { ...known.get(id), ...extras });

  return {
    viewport: deps.viewport,
    ...watchedOptions(deps.options, deps.lastOptions),
    async stored(id) {
      const row = await read(id).catch(() => undefined);
      return { ...knownFrom(row), ...known.get(id) };
    },
    async figure({ id, version }, signal) {
      if (failed.figure.has(id)) return null;
      try {
        const { url } = await figures.run(() => deps.send('getFigure', { id, version }), signal);
        const safe = url !== null && isArxivImageUrl(url) ? url : null;
        remember(id, { figureUrl: safe });
        return safe;
      } catch (error) {
        if (isAbort(error)) throw error;
        failed.figure.add(id); // arXiv failed to answer: not asked again from this page
        return null;
      }
    },
    async summary(paper, signal) {
      if (failed.summary.has(paper.id)) return null;
      const summary = await summaries.run(async () => (await deps.summarizer()).summarize(paper, signal), signal).catch((error: unknown) => {
        if (isAbort(error)) throw error;
        return null;
      });
      if (!summary) {
        failed.summary.add(paper.id); // the card keeps its key result; not tried again from this page
        return null;
      }
      remember(paper.id, { summary });
      const changes = summary.tldr === undefined ? { headline: summary.headline } : { headline: summary.headline, tldr: summary.tldr };
      await deps.store.put(paper.id, changes).catch(() => undefined);
      return summary;
    },
  };
}
