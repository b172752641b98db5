import { describe, expect, it, vi } from 'vitest';
import { cleanMachineText } from '../../../lib/text/machine-text';
import {
  browserSummarizer,
  createPaperSummarizer,
  downloadModel,
  HEADLINE_MAX_LENGTH,
  type ModelAvailability,
  type SummarizerApi,
  type SummarizerCreateOptions,
} from '../../../lib/text/summarizer';
import { attentionPaper } from '../../helpers/fixtures';

type Answer = string | Error;

/** Chrome's Summarizer as far as Paper Radar uses it: answers per summary type, calls recorded. */
function fakeSummarizer(state: ModelAvailability, answers: { headline?: Answer; tldr?: Answer } = {}) {
  const calls: { type: string; input: string; context?: string }[] = [];
  const destroyed: string[] = [];
  const api = {
    availability: vi.fn(async (_options?: SummarizerCreateOptions) => state),
    create: vi.fn(async (options: SummarizerCreateOptions) => ({
      async summarize(input: string, extra?: { context?: string }) {
        calls.push({ type: options.type, input, context: extra?.context });
        const answer = answers[options.type] ?? `${options.type} of the paper`;
        if (answer instanceof Error) throw answer;
        return answer;
      },
      destroy: () => destroyed.push(options.type),
    })),
  } satisfies SummarizerApi;
  return { api, calls, destroyed };
}

const paper = { title: attentionPaper.title, abstract: attentionPaper.summary };

describe('createPaperSummarizer', () => {
  it('writes a headline and a tldr with sessions created once, for the same options it checked', async () => {
    const fake = fakeSummarizer('available', { headline: 'Attention alone beats recurrence', tldr: 'The Transformer drops recurrence.' });
    const summarizer = createPaperSummarizer(fake.api);
    expect(await summarizer.summarize(paper)).toEqual({ headline: 'Attention alone beats recurrence', tldr: 'The Transformer drops recurrence.' });
    expect(await summarizer.summarize(paper)).not.toBeNull();
    expect(fake.api.create).toHaveBeenCalledTimes(2); // one headline session, one tldr session, reused
    const created = fake.api.create.mock.calls.map(([options]) => options);
    expect(created.map((o) => o.type)).toEqual(['headline', 'tldr']);
    for (const options of created) {
      expect(options).toMatchObject({ format: 'plain-text', length: 'short' });
      expect(fake.api.availability).toHaveBeenCalledWith(options);
    }
    expect(fake.calls[0]!.input).toBe(attentionPaper.summary);
    expect(fake.calls[0]!.context).toContain('Attention Is All You Need');
  });

  it('gives the model plain text, not TeX commands', async () => {
    const fake = fakeSummarizer('available');
    await createPaperSummarizer(fake.api).summarize({ title: 'R\\\'{e}nyi bounds', abstract: 'We gain 40\\% with \\textit{sparse}\n  updates.' });
    expect(fake.calls[0]!.input).toBe('We gain 40% with sparse updates.');
    expect(fake.calls[0]!.context).toContain('Rényi bounds');
  });

  it('gives the model math as written: a TeX command in math means what math means by it', async () => {
    const fake = fakeSummarizer('available');
    await createPaperSummarizer(fake.api).summarize({ title: 'Degrees', abstract: 'Every vertex has $\\deg(v) \\ge 2$ at 275 {\\deg}C.' });
    expect(fake.calls[0]!.input).toBe('Every vertex has $\\deg(v) \\ge 2$ at 275 °C.');
  });

  it('never creates a session when the model is unavailable or the browser has none', async () => {
    const fake = fakeSummarizer('unavailable');
    expect(await createPaperSummarizer(fake.api).summarize(paper)).toBeNull();
    expect(fake.api.create).not.toHaveBeenCalled();
    expect(await createPaperSummarizer(undefined).summarize(paper)).toBeNull();
  });

  it.each(['downloadable', 'downloading'] as const)('starts no download by itself when the model is %s (that needs a user gesture)', async (state) => {
    const fake = fakeSummarizer(state);
    const summarizer = createPaperSummarizer(fake.api);
    expect(await summarizer.summarize(paper)).toBeNull();
    expect(await summarizer.summarize(paper)).toBeNull();
    expect(fake.api.create).not.toHaveBeenCalled();
  });

  it('answers null when the model fails on a paper, and still works for the next', async () => {
    let fail = true;
    const fake = fakeSummarizer('available');
    const create = fake.api.create;
    const api: SummarizerApi = {
      availability: fake.api.availability,
      create: async (options) => {
        const session = await create(options);
        return {
          summarize: async (input, extra) => {
            if (fail) throw new DOMException('filtered', 'NotReadableError');
            return session.summarize(input, extra);
          },
          destroy: session.destroy,
        };
      },
    };
    const summarizer = createPaperSummarizer(api);
    expect(await summarizer.summarize(paper)).toBeNull();
    fail = false;
    expect(await summarizer.summarize(paper)).toEqual({ headline: 'headline of the paper', tldr: 'tldr of the paper' });
  });

  it('keeps the headline when only the tldr fails, and answers null when creating fails', async () => {
    const tldrFails = fakeSummarizer('available', { tldr: new Error('quota') });
    expect(await createPaperSummarizer(tldrFails.api).summarize(paper)).toEqual({ headline: 'headline of the paper' });
    const refused: SummarizerApi = { availability: async () => 'available', create: async () => Promise.reject(new DOMException('no', 'NotAllowedError')) };
    expect(await createPaperSummarizer(refused).summarize(paper)).toBeNull();
  });

  it('answers null for an empty answer or an empty abstract, and for a card gone before its turn', async () => {
    const empty = fakeSummarizer('available', { headline: '  \n ' });
    expect(await createPaperSummarizer(empty.api).summarize(paper)).toBeNull();
    const fake = fakeSummarizer('available');
    expect(await createPaperSummarizer(fake.api).summarize({ title: 'T', abstract: ' ' })).toBeNull();
    expect(await createPaperSummarizer(fake.api).summarize(paper, AbortSignal.abort())).toBeNull();
    expect(fake.calls).toEqual([]);
  });

  it('frees its sessions when closed', async () => {
    const fake = fakeSummarizer('available');
    const summarizer = createPaperSummarizer(fake.api);
    await summarizer.summarize(paper);
    summarizer.close();
    await vi.waitFor(() => expect(fake.destroyed.sort()).toEqual(['headline', 'tldr']));
  });
});

describe('cleanMachineText', () => {
  it('turns a model’s answer into one plain line', () => {
    expect(cleanMachineText('**Headline:** "Sparse attention halves memory"\n\nMore text.', 140, true)).toBe('Sparse attention halves memory');
    expect(cleanMachineText('- First point\n- second *point*', 320)).toBe('First point second point');
    expect(cleanMachineText('TL;DR: A `fast` method.', 320)).toBe('A fast method.');
    expect(cleanMachineText('Uses snake__case__name and a*b*c', 320)).toBe('Uses snake__case__name and a*b*c');
  });

  it('keeps markup as the characters it is (the card renders it as text)', () => {
    expect(cleanMachineText('<img src=x onerror=alert(1)> wins', 140, true)).toBe('<img src=x onerror=alert(1)> wins');
  });

  it('removes characters that reorder or hide text', () => {
    expect(cleanMachineText('Safe\u202e txet desrever\u200b\u0007', 140)).toBe('Safe txet desrever');
  });

  it('trims an overlong answer at a word, with an ellipsis', () => {
    const long = `Transformers ${'scale remarkably well '.repeat(30)}`;
    const line = cleanMachineText(long, HEADLINE_MAX_LENGTH, true)!;
    expect(line.length).toBeLessThanOrEqual(HEADLINE_MAX_LENGTH);
    expect(line.endsWith('…')).toBe(true);
    expect(long).toContain(line.slice(0, -1));
    expect(cleanMachineText('x'.repeat(500), 100)!.length).toBe(100);
  });

  it('answers null when nothing is left', () => {
    expect(cleanMachineText('', 140)).toBeNull();
    expect(cleanMachineText('\n  **  ** \n', 140)).toBeNull();
  });
});

describe('downloadModel', () => {
  it('downloads on a gesture, reporting progress, and only when there is something to download', async () => {
    const progress: number[] = [];
    const api: SummarizerApi = {
      availability: async () => 'downloadable',
      create: vi.fn(async (options: SummarizerCreateOptions) => {
        const target = new EventTarget();
        options.monitor?.(target);
        target.dispatchEvent(Object.assign(new Event('downloadprogress'), { loaded: 0.5 }));
        target.dispatchEvent(Object.assign(new Event('downloadprogress'), { loaded: 1 }));
        return { summarize: async () => '', destroy: () => undefined };
      }),
    };
    expect(await downloadModel(api, (loaded) => progress.push(loaded))).toBe(true);
    expect(progress).toEqual([0.5, 1]);
    const unavailable = fakeSummarizer('unavailable');
    expect(await downloadModel(unavailable.api)).toBe(false);
    const ready = fakeSummarizer('available');
    expect(await downloadModel(ready.api)).toBe(true);
    expect([...unavailable.api.create.mock.calls, ...ready.api.create.mock.calls]).toEqual([]);
  });
});

describe('browserSummarizer', () => {
  it('finds the global Summarizer only when it looks like one', () => {
    const api = fakeSummarizer('available').api;
    expect(browserSummarizer({ Summarizer: api })).toBe(api);
    expect(browserSummarizer({})).toBeUndefined();
    expect(browserSummarizer({ Summarizer: { availability: 'yes' } })).toBeUndefined();
  });
});
