import { describe, expect, it, vi } from 'vitest';
import { createMessageRouter, type Handlers } from '../../../lib/messaging/router';
import { createTabBudget } from '../../../lib/messaging/tab-budget';
import { attentionPaper } from '../../helpers/fixtures';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXTENSION_ID}/`;
const ownPage = { id: EXTENSION_ID, url: `${ORIGIN}newtab.html` };
const arxivTab = { id: EXTENSION_ID, url: 'https://arxiv.org/abs/1706.03762', tab: { id: 7, url: 'https://arxiv.org/abs/1706.03762' } };

function router(now?: () => number) {
  const handlers = {
    syncNow: vi.fn(async () => ({ added: 0, state: 'ok' as const })),
    savePaper: vi.fn(async (_input: { id: string; entry?: unknown }) => ({ pending: false })),
    unsavePaper: vi.fn(async () => ({ ok: true as const })),
    setNotInterested: vi.fn(async () => ({ ok: true as const })),
    getSavedIds: vi.fn(async ({ ids }: { ids: string[] }) => ({ saved: ids.slice(0, 1), pending: [] })),
    getPaperContext: vi.fn(async () => ({ saved: false, pending: false, subscriptions: [] })),
    markSeen: vi.fn(async () => ({ previousSeenAt: 0 })),
    lastSeen: vi.fn(async () => ({ seenAt: 0 })),
    userDataChanged: vi.fn(async () => ({ ok: true as const })),
    previewQuery: vi.fn(async () => ({ totalResults: 0, papers: [], url: '' })),
    getFigure: vi.fn(async () => ({ url: null })),
  } satisfies Handlers;
  return { handlers, route: createMessageRouter(handlers, EXTENSION_ID, ORIGIN, now && createTabBudget(now)) };
}

describe('message router', () => {
  it('answers a valid message from an extension page', async () => {
    const { route, handlers } = router();
    expect(await route({ type: 'getSavedIds', data: { ids: ['1706.03762', 'hep-th/9711200'] } }, ownPage)).toEqual({
      ok: true,
      value: { saved: ['1706.03762'], pending: [] },
    });
    expect(handlers.getSavedIds).toHaveBeenCalledOnce();
  });

  it('lets a content script on arxiv.org save, but not sync or preview', async () => {
    const { route, handlers } = router();
    expect(await route({ type: 'savePaper', data: { id: '1706.03762' } }, arxivTab)).toMatchObject({ ok: true });
    expect(await route({ type: 'syncNow', data: {} }, arxivTab)).toMatchObject({ ok: false, error: expect.stringContaining('not accepted') });
    expect(await route({ type: 'markSeen', data: {} }, arxivTab)).toMatchObject({ ok: false });
    expect(await route({ type: 'lastSeen', data: {} }, arxivTab)).toMatchObject({ ok: false });
    expect(handlers.syncNow).not.toHaveBeenCalled();
  });

  it('keeps what an arXiv page shows of a paper saved from it, held to the limits of a paper', async () => {
    const { route, handlers } = router();
    const shown = { title: 'Attention Is All You Need', authors: ['Ashish Vaswani', 'Noam Shazeer'], version: 7 };
    expect(await route({ type: 'savePaper', data: { id: '1706.03762', entry: attentionPaper, shown } }, arxivTab)).toMatchObject({ ok: true });
    expect(handlers.savePaper.mock.calls[0]![0]).toEqual({ id: '1706.03762', shown });
    const long = await route({ type: 'savePaper', data: { id: '1706.03762', shown: { ...shown, title: 'x'.repeat(1001) } } }, arxivTab);
    expect(long).toMatchObject({ ok: false, error: expect.stringContaining('shown.title: text of 1001 characters; at most 1000 are allowed') });
    expect(await route({ type: 'savePaper', data: { id: '1706.03762', shown: { ...shown, extra: '<script>' } } }, arxivTab)).toMatchObject({ ok: false });
    expect(handlers.savePaper).toHaveBeenCalledTimes(1);
  });

  it('answers a tab only as fast as its budget allows, with a plain refusal; other tabs and its own pages are answered', async () => {
    let now = 0;
    const { route, handlers } = router(() => now);
    const ids = Array.from({ length: 1000 }, (_, i) => `2609.${String(i).padStart(5, '0')}`);
    const ask = (sender: typeof arxivTab | typeof ownPage) => route({ type: 'getSavedIds', data: { ids } }, sender);
    // 1,000 ids cost 11 of a tab's 60 units: five questions, then a refusal.
    for (let i = 0; i < 5; i += 1) expect(await ask(arxivTab)).toMatchObject({ ok: true });
    expect(await ask(arxivTab)).toEqual({
      ok: false,
      error: 'Paper Radar is not answering this page for a few seconds: it asked too much too quickly. Press the button again in a moment.',
    });
    expect(handlers.getSavedIds).toHaveBeenCalledTimes(5);
    expect(await ask({ ...arxivTab, tab: { id: 8, url: arxivTab.url } })).toMatchObject({ ok: true });
    for (let i = 0; i < 20; i += 1) expect(await ask(ownPage)).toMatchObject({ ok: true });
    now += 1000; // 20 units a second, on the 5 left: two more questions
    expect(await ask(arxivTab)).toMatchObject({ ok: true });
    expect(await ask(arxivTab)).toMatchObject({ ok: true });
    expect(await ask(arxivTab)).toMatchObject({ ok: false });
    expect(handlers.getSavedIds).toHaveBeenCalledTimes(5 + 1 + 20 + 2);
  });

  it('ignores metadata sent with a save from a web page: it always comes from arXiv', async () => {
    const { route, handlers } = router();
    await route({ type: 'savePaper', data: { id: '1706.03762', entry: { ...attentionPaper, title: 'Forged' } } }, arxivTab);
    expect(handlers.savePaper.mock.calls[0]![0]).toEqual({ id: '1706.03762' });
    await route({ type: 'savePaper', data: { id: '1706.03762', entry: attentionPaper } }, ownPage);
    expect(handlers.savePaper.mock.calls[1]![0]).toMatchObject({ entry: { title: 'Attention Is All You Need' } });
  });

  it.each([
    ['another extension', { id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', url: 'chrome-extension://zzzz/x.html' }],
    ['a page on a look-alike host', { ...arxivTab, url: 'https://arxiv.org.evil.com/abs/1', tab: { id: 1 } }],
    ['plain http arXiv', { ...arxivTab, url: 'http://arxiv.org/abs/1706.03762' }],
    ['a web page that is not arXiv', { id: EXTENSION_ID, url: 'https://example.com/', tab: { id: 2 } }],
    ['no sender at all', {}],
  ])('rejects messages from %s', async (_label, sender) => {
    const { route, handlers } = router();
    expect(await route({ type: 'getSavedIds', data: { ids: ['1706.03762'] } }, sender)).toMatchObject({ ok: false });
    expect(handlers.getSavedIds).not.toHaveBeenCalled();
  });

  it.each([
    ['not an object', 'savePaper'],
    ['an unknown type', { type: 'deleteEverything', data: {} }],
    ['a prototype key as type', { type: '__proto__', data: {} }],
    ['a missing payload', { type: 'savePaper' }],
    ['a bad id', { type: 'savePaper', data: { id: '../../etc/passwd' } }],
    ['a versioned id', { type: 'unsavePaper', data: { id: '1706.03762v2' } }],
    ['ids that are not a list', { type: 'getSavedIds', data: { ids: '1706.03762' } }],
    ['too many ids', { type: 'getSavedIds', data: { ids: Array.from({ length: 5000 }, () => '1706.03762') } }],
    ['a huge query', { type: 'previewQuery', data: { kind: 'keyword', value: 'x'.repeat(1_000_000), categories: [], exclude: [] } }],
    ['an unknown query kind', { type: 'previewQuery', data: { kind: 'sql', value: 'x', categories: [], exclude: [] } }],
    ['a bad figure version', { type: 'getFigure', data: { id: '1706.03762', version: -1 } }],
    ['a malformed entry', { type: 'savePaper', data: { id: '1706.03762', entry: { id: '1706.03762', version: 1, authors: 'x' } } }],
  ])('rejects %s with a message and calls no handler', async (_label, message) => {
    const { route, handlers } = router();
    const reply = await route(message, ownPage);
    expect(reply).toMatchObject({ ok: false, error: expect.any(String) });
    for (const handler of Object.values(handlers)) expect(handler).not.toHaveBeenCalled();
  });

  it('passes a handler failure back as an error the caller sees', async () => {
    const { route, handlers } = router();
    handlers.previewQuery.mockRejectedValueOnce(new Error('arXiv did not answer within 30 seconds.'));
    expect(await route({ type: 'previewQuery', data: { kind: 'keyword', value: 'graph', categories: [], exclude: [] } }, ownPage)).toEqual({
      ok: false,
      error: 'arXiv did not answer within 30 seconds.',
    });
  });
});
