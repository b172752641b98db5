import { cleanMachineText } from './machine-text';
import { splitMath } from './math';

/**
 * Chrome's built-in Summarizer API (https://developer.chrome.com/docs/ai/summarizer-api), the
 * part Paper Radar uses. Passed in, so tests give a fake and browsers without it give nothing.
 */
export type ModelAvailability = 'unavailable' | 'downloadable' | 'downloading' | 'available';

export interface SummarizerCreateOptions {
  type: 'headline' | 'tldr';
  format: 'plain-text';
  length: 'short';
  sharedContext?: string;
  expectedInputLanguages?: string[];
  outputLanguage?: string;
  monitor?: (monitor: EventTarget) => void;
}

export interface SummarizerSession {
  summarize(input: string, options?: { context?: string; signal?: AbortSignal }): Promise<string>;
  destroy(): void;
}

export interface SummarizerApi {
  availability(options?: SummarizerCreateOptions): Promise<ModelAvailability>;
  create(options: SummarizerCreateOptions): Promise<SummarizerSession>;
}

/** What the model wrote about a paper, cleaned for a card. */
export interface MachineSummary {
  /** One line stating what the paper found. */
  headline: string;
  /** A sentence or two; absent when the model wrote none. */
  tldr?: string;
}

export interface PaperText {
  title: string;
  abstract: string;
}

export interface PaperSummarizer {
  /** The headline and tldr of a paper; null when the model is not ready or fails on it. */
  summarize(paper: PaperText, signal?: AbortSignal): Promise<MachineSummary | null>;
  /** Frees the model's sessions. */
  close(): void;
}

export const HEADLINE_MAX_LENGTH = 140;
export const TLDR_MAX_LENGTH = 320;

const SHARED_CONTEXT = 'Abstracts of new research papers on arXiv, read by researchers deciding which papers to read.';
const options = (type: SummarizerCreateOptions['type']): SummarizerCreateOptions => ({
  type,
  format: 'plain-text',
  length: 'short',
  sharedContext: SHARED_CONTEXT,
  expectedInputLanguages: ['en'],
  outputLanguage: 'en',
});
// The same options go to availability() and create(): the answer is for that configuration.
export const HEADLINE_OPTIONS = options('headline');
export const TLDR_OPTIONS = options('tldr');

interface Sessions {
  headline: SummarizerSession;
  tldr: SummarizerSession | null;
}

async function availabilityOf(api: SummarizerApi, options: SummarizerCreateOptions): Promise<ModelAvailability> {
  try {
    return await api.availability(options);
  } catch {
    return 'unavailable';
  }
}

/**
 * Sessions only when the model is already on this device. Creating one while it is
 * 'downloadable' or 'downloading' would start or join a download of gigabytes, which Chrome
 * allows only during a user gesture; cards render without one, so they never ask. The
 * download is for a deliberate click (see `downloadModel`); until then cards keep their
 * extractive key result.
 */
async function openSessions(api: SummarizerApi): Promise<Sessions | null> {
  if ((await availabilityOf(api, HEADLINE_OPTIONS)) !== 'available') return null;
  const headline = await api.create(HEADLINE_OPTIONS);
  const tldr = (await availabilityOf(api, TLDR_OPTIONS)) === 'available' ? await api.create(TLDR_OPTIONS).catch(() => null) : null;
  return { headline, tldr };
}

/** What the model reads: the abstract as plain text; the title is given as context. */
function modelInput(paper: PaperText): { input: string; context: string } {
  // TeX outside math as it reads (`{\deg}C` → `°C`); math as written (`$\deg(v)$` is a degree).
  const plain = (text: string) => splitMath(text).map((segment) => (segment.kind === 'math' ? segment.raw : segment.text)).join('').replace(/\s+/g, ' ').trim();
  return { input: plain(paper.abstract), context: `The paper is titled “${plain(paper.title)}”.` };
}

/**
 * Headlines and tldrs from the browser's on-device model. `api` is the global `Summarizer`
 * (undefined where the browser has none). Sessions are opened on first use and reused; calls
 * are meant to come one at a time (the caller queues them).
 */
export function createPaperSummarizer(api: SummarizerApi | undefined): PaperSummarizer {
  let sessions: Promise<Sessions | null> | undefined;
  return {
    async summarize(paper, signal) {
      if (!api) return null;
      sessions ??= openSessions(api).catch(() => null);
      const open = await sessions;
      if (!open || signal?.aborted) return null;
      const { input, context } = modelInput(paper);
      if (input === '') return null;
      try {
        const headline = cleanMachineText(await open.headline.summarize(input, { context, signal }), HEADLINE_MAX_LENGTH, true);
        if (!headline) return null;
        const tldrText = open.tldr ? await open.tldr.summarize(input, { context, signal }).catch(() => '') : '';
        const tldr = cleanMachineText(tldrText, TLDR_MAX_LENGTH);
        return tldr ? { headline, tldr } : { headline };
      } catch {
        return null;
      }
    },
    close() {
      void sessions?.then((open) => {
        open?.headline.destroy();
        open?.tldr?.destroy();
      });
      sessions = undefined;
    },
  };
}

/**
 * Starts (or joins) the model's download. Call it from a click or a change of the setting, the
 * user gesture Chrome requires; `onProgress` gets the fraction loaded. Resolves true once the
 * model is on the device.
 */
export async function downloadModel(api: SummarizerApi | undefined, onProgress: (loaded: number) => void = () => undefined): Promise<boolean> {
  if (!api) return false;
  const state = await availabilityOf(api, HEADLINE_OPTIONS);
  if (state === 'unavailable') return false;
  if (state === 'available') return true;
  try {
    const session = await api.create({
      ...HEADLINE_OPTIONS,
      monitor: (monitor) =>
        monitor.addEventListener('downloadprogress', (event) => {
          const loaded = (event as Event & { loaded?: unknown }).loaded;
          if (typeof loaded === 'number') onProgress(loaded);
        }),
    });
    session.destroy();
    return true;
  } catch {
    return false;
  }
}

/** The browser's Summarizer, where it has one. */
export function browserSummarizer(scope: object = globalThis): SummarizerApi | undefined {
  const api = (scope as { Summarizer?: unknown }).Summarizer;
  if (!api || (typeof api !== 'object' && typeof api !== 'function')) return undefined;
  const candidate = api as Partial<SummarizerApi>;
  return typeof candidate.availability === 'function' && typeof candidate.create === 'function' ? (api as SummarizerApi) : undefined;
}
