import { describe, expect, it, vi } from 'vitest';
import { createMessageRouter, type Handlers } from '../../../lib/messaging/router';
import { attentionPaper } from '../../helpers/fixtures';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXTENSION_ID}/`;
const ownPage = { id: EXTENSION_ID, url: `${ORIGIN}newtab.html` };
const arxivTab = { id: EXTENSION_ID, url: 'https://arxiv.org/abs/1706.03762', tab: { id: 7, url: 'https://arxiv.org/abs/1706.03762' } };

function router() {
  const handlers = {
    syncNow: vi.fn(async () => ({ added: 0, state: 'ok' as const })),
    savePaper: vi.fn(async (_input: { id: string; entry?: unknown }) => ({ pending: false })),
    unsavePaper: vi.fn(async () => ({ ok: true as const })),
    setNotInterested: vi.fn(async () => ({ ok: true as const })),
    getSavedIds: vi.fn(async ({ ids }: { ids: string[] }) => ({ saved: ids.slice(0, 1), pending: [] })),
    getPaperContext: vi.fn(async () => ({ saved: false, pending: false, subscriptions: [] })),
    markSeen: vi.fn(async () => ({ previousSeenAt: 0 })),
    userDataChanged: vi.fn(async () => ({ ok: true as const })),
    previewQuery: vi.fn(async () => ({ totalResults: 0, papers: [], url: '' })),
    getFigure: vi.fn(async () => ({ url: null })),
  } satisfies Handlers;
  return { handlers, route: createMessageRouter(handlers, EXTENSION_ID, ORIGIN) };
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
    expect(handlers.syncNow).not.toHaveBeenCalled();
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
