import { cleanup, fireEvent, waitFor, within } from '../../../helpers/dom-testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../../lib/db/db';
import { ingest } from '../../../../lib/db/ingest';
import type { StoredPaper } from '../../../../lib/db/schema';
import { extractKeyResult, findKeyResult } from '../../../../lib/text/key-result';
import { DEFAULT_SETTINGS } from '../../../../lib/settings';
import { DEFAULT_CARD_OPTIONS } from '../../../../components/paper-card/default-card-extras';
import { HEADLINE_MAX_LENGTH, TLDR_MAX_LENGTH } from '../../../../lib/text/summarizer';
import { MACHINE_NOTE } from '../../../../components/paper-card/lead-line';
import { attentionPaper, testingPapers } from '../../../helpers/fixtures';
import { fakeSummarizer, newTabServices, renderCards, settle } from '../card-extras-harness';
import { NOW } from '../test-services';
import { getPaper } from '../../../../lib/db/papers';

beforeEach(async () => {
  await db.delete();
  await db.open();
});
afterEach(cleanup);

// A real abstract whose key result the extractor finds, so the fallback is visible.
const paper = testingPapers.find((p) => extractKeyResult(p.summary) !== null)!;
const keyResult = extractKeyResult(paper.summary)!;

async function stored(entry = paper): Promise<StoredPaper> {
  await ingest([entry], 's', NOW - 1000);
  return (await getPaper(entry.id))!;
}

const lead = (card: HTMLElement) => card.querySelectorAll('[data-lead]');

describe('the on-device AI headline', () => {
  it('leads the card once the reader has looked at it, marked as machine-written, and is kept', async () => {
    const model = fakeSummarizer('available', async (type) => (type === 'headline' ? 'Sparse checks catch flaky tests' : 'A cheaper way to find flaky tests.'));
    const tab = newTabServices({ options: { headlines: true }, api: model.api });
    const { card } = renderCards([await stored()], tab);
    await settle();
    expect(card(paper.id).querySelector('[data-lead]')?.getAttribute('data-lead')).toBe('key-result');
    expect(model.calls).toEqual([]); // not before it is looked at
    tab.screen.look(card(paper.id));
    await waitFor(() => expect(card(paper.id).querySelector('.card__headline')?.textContent).toContain('Sparse checks catch flaky tests'));
    const shown = card(paper.id);
    expect(lead(shown)).toHaveLength(1); // the headline replaces the key result
    expect(shown.querySelector('.card__key-result')).toBeNull();
    expect(shown.querySelector('.card__ai-tag')?.getAttribute('title')).toBe('Written by your browser’s on-device model');
    expect(shown.querySelector('.card__headline')?.textContent).toContain('Written by your browser’s on-device model:');
    expect(shown.querySelector('.card__tldr')?.textContent).toBe('A cheaper way to find flaky tests.');
    await waitFor(async () =>
      expect(await db.extras.get(paper.id)).toMatchObject({ headline: 'Sparse checks catch flaky tests', tldr: 'A cheaper way to find flaky tests.' }),
    );
  });

  it('comes from the store on the next page, without asking the model again', async () => {
    await db.extras.put({ id: paper.id, headline: 'Kept from last time', tldr: 'Stored tldr.' });
    const model = fakeSummarizer('available');
    const tab = newTabServices({ options: { headlines: true }, api: model.api });
    const { card } = renderCards([await stored()], tab);
    tab.screen.look(card(paper.id));
    await waitFor(() => expect(card(paper.id).querySelector('.card__headline')?.textContent).toContain('Kept from last time'));
    await settle();
    expect(model.calls).toEqual([]);
    expect(model.api.create).not.toHaveBeenCalled();
  });

  it('never creates a model when the browser says it is unavailable; the key result stays', async () => {
    const model = fakeSummarizer('unavailable');
    const tab = newTabServices({ options: { headlines: true }, api: model.api });
    const { card } = renderCards([await stored()], tab);
    tab.screen.look(card(paper.id));
    await waitFor(() => expect(model.api.availability).toHaveBeenCalled());
    await settle();
    expect(model.api.create).not.toHaveBeenCalled();
    expect(card(paper.id).querySelector('.card__key-result')?.textContent).toBe(keyResult);
    expect(card(paper.id).querySelector('.card__ai-tag')).toBeNull();
  });

  it.each(['downloadable', 'downloading'] as const)('starts no download from a card when the model is %s', async (state) => {
    const model = fakeSummarizer(state);
    const tab = newTabServices({ options: { headlines: true }, api: model.api });
    const { card } = renderCards([await stored()], tab);
    tab.screen.look(card(paper.id));
    await waitFor(() => expect(model.api.availability).toHaveBeenCalled());
    await settle();
    expect(model.api.create).not.toHaveBeenCalled();
    expect(card(paper.id).querySelector('.card__key-result')?.textContent).toBe(keyResult);
  });

  it('asks nothing of the model while the setting is off (the default)', async () => {
    await db.extras.put({ id: paper.id, headline: 'Stored while it was on' });
    const model = fakeSummarizer('available');
    const tab = newTabServices({ api: model.api });
    const { card } = renderCards([await stored()], tab);
    tab.screen.look(card(paper.id));
    await settle();
    expect(model.api.availability).not.toHaveBeenCalled();
    expect(card(paper.id).querySelector('.card__key-result')?.textContent).toBe(keyResult);
    expect(card(paper.id).querySelector('.card__headline')).toBeNull();
  });

  it('falls back to the key result when the model fails, and stores nothing', async () => {
    const model = fakeSummarizer('available', async () => Promise.reject(new DOMException('filtered', 'NotReadableError')));
    const tab = newTabServices({ options: { headlines: true }, api: model.api });
    const { card } = renderCards([await stored()], tab);
    tab.screen.look(card(paper.id));
    await waitFor(() => expect(model.calls).toContain('headline'));
    await settle();
    expect(card(paper.id).querySelector('.card__key-result')?.textContent).toBe(keyResult);
    expect(await db.extras.get(paper.id)).toBeUndefined();
  });

  it('shows markup in the model’s answer as text and trims an overlong answer', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script> wins';
    const model = fakeSummarizer('available', async (type) => (type === 'headline' ? `${hostile}${' again'.repeat(40)}` : `Long ${'and longer '.repeat(200)}`));
    const tab = newTabServices({ options: { headlines: true }, api: model.api });
    const { card } = renderCards([await stored()], tab);
    tab.screen.look(card(paper.id));
    await waitFor(() => expect(card(paper.id).querySelector('.card__headline')?.textContent).toContain(hostile));
    const block = card(paper.id).querySelector('.card__lead')!;
    expect(block.querySelector('img, script, [onerror]')).toBeNull();
    const headline = block.querySelector('.card__headline')!.textContent!.replace(`${MACHINE_NOTE}: `, '').replace('AI', '');
    expect(headline.length).toBeLessThanOrEqual(HEADLINE_MAX_LENGTH);
    expect(headline, headline).toMatch(/again…$/);
    const tldr = block.querySelector('.card__tldr')!.textContent!;
    expect(tldr.length).toBeLessThanOrEqual(TLDR_MAX_LENGTH);
    expect(tldr).toMatch(/ (and|longer)…$/); // cut between words
  });

  it('writes one summary at a time', async () => {
    const [first, second] = testingPapers as [typeof attentionPaper, typeof attentionPaper];
    let running = 0;
    let most = 0;
    const model = fakeSummarizer('available', async (type) => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 20));
      running--;
      return `${type} line`;
    });
    const tab = newTabServices({ options: { headlines: true }, api: model.api });
    const { card } = renderCards([await stored(first), await stored(second)], tab);
    tab.screen.look(card(first.id));
    tab.screen.look(card(second.id));
    await waitFor(() => expect(document.querySelectorAll('.card__headline')).toHaveLength(2));
    expect(model.calls).toEqual(['headline', 'tldr', 'headline', 'tldr']);
    expect(most).toBe(1);
  });
});

describe('the claim on a card', () => {
  it('is not said twice: the abstract’s preview leaves out its sentence, the whole abstract marks it', async () => {
    const { sentence } = findKeyResult(paper.summary)!;
    const tab = newTabServices();
    const { card } = renderCards([await stored()], tab);
    const shown = card(paper.id);
    expect(shown.querySelector('.card__key-result')?.textContent).toBe(keyResult);
    const abstract = shown.querySelector('.card__abstract')!;
    expect(abstract.textContent).not.toContain(sentence);
    fireEvent.click(within(shown).getByRole('button', { name: 'Show full abstract' }));
    expect(abstract.textContent).toBe(paper.summary);
    expect(abstract.querySelector('.card__claim-source')?.textContent).toBe(sentence);
  });

  it('gives way to the model’s headline, and then the preview keeps every sentence', async () => {
    await db.extras.put({ id: paper.id, headline: 'Kept from last time' });
    const tab = newTabServices({ options: { headlines: true }, api: fakeSummarizer('available').api });
    const { card } = renderCards([await stored()], tab);
    tab.screen.look(card(paper.id));
    await waitFor(() => expect(card(paper.id).querySelector('.card__headline')?.textContent).toContain('Kept from last time'));
    expect(card(paper.id).querySelector('.card__abstract')?.textContent).toBe(paper.summary);
  });
});

describe('the card options a page starts with', () => {
  it('are the settings’ defaults', () => {
    expect(DEFAULT_CARD_OPTIONS).toEqual({ figures: DEFAULT_SETTINGS.showFigures, headlines: DEFAULT_SETTINGS.aiHeadlines });
  });
});
