import type { MessageSender } from '../../../lib/messaging/router';
import { attentionPaper } from '../../helpers/fixtures';

export const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
export const ORIGIN = `chrome-extension://${EXTENSION_ID}/`;
export const ownPage: MessageSender = { id: EXTENSION_ID, url: `${ORIGIN}newtab.html` };
export const arxivTab = (url = 'https://arxiv.org/abs/1706.03762'): MessageSender => ({ id: EXTENSION_ID, url, tab: { id: 7, url } });

/** A message the background must refuse, from whom, and what kind of hostility it is. */
export interface MessageCase {
  name: string;
  area: 'sender' | 'shape' | 'size';
  message: () => unknown;
  sender: MessageSender;
}

const save = (data: unknown) => ({ type: 'savePaper', data });
const entry = (changes: Record<string, unknown>) => ({ ...attentionPaper, ...changes });
const query = { kind: 'keyword', value: 'graph neural network', categories: [], exclude: [] };

export const messageCases: MessageCase[] = [
  // Who is asking.
  { name: 'another extension', area: 'sender', message: () => save({ id: '1706.03762' }), sender: { id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', url: 'chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz/x.html' } },
  { name: 'our id claimed from another extension\'s page', area: 'sender', message: () => ({ type: 'markSeen', data: {} }), sender: { id: EXTENSION_ID, url: 'chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz/x.html' } },
  { name: 'an origin that only starts like ours', area: 'sender', message: () => ({ type: 'markSeen', data: {} }), sender: { id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}.evil.example/x.html` } },
  { name: 'a content script on arXiv asking to sync', area: 'sender', message: () => ({ type: 'syncNow', data: {} }), sender: arxivTab() },
  { name: 'a content script on arXiv asking for a preview (a request to arXiv)', area: 'sender', message: () => ({ type: 'previewQuery', data: query }), sender: arxivTab() },
  { name: 'a content script on arXiv asking for a figure (a request to arXiv)', area: 'sender', message: () => ({ type: 'getFigure', data: { id: '1706.03762', version: 7 } }), sender: arxivTab() },
  { name: 'a content script on arXiv clearing the badge', area: 'sender', message: () => ({ type: 'markSeen', data: {} }), sender: arxivTab() },
  { name: 'arxiv.org as the user part of another host', area: 'sender', message: () => save({ id: '1706.03762' }), sender: arxivTab('https://arxiv.org@evil.example/abs/1706.03762') },
  { name: 'arxiv.org in the query of another host', area: 'sender', message: () => save({ id: '1706.03762' }), sender: arxivTab('https://evil.example/?https://arxiv.org/abs/1706.03762') },
  { name: 'a look-alike subdomain', area: 'sender', message: () => save({ id: '1706.03762' }), sender: arxivTab('https://export.arxiv.org.evil.example/abs/1706.03762') },
  { name: 'arXiv over plain http', area: 'sender', message: () => save({ id: '1706.03762' }), sender: arxivTab('http://arxiv.org/abs/1706.03762') },
  { name: 'a sandboxed frame (opaque origin)', area: 'sender', message: () => save({ id: '1706.03762' }), sender: { id: EXTENSION_ID, url: 'null', tab: { id: 3 } } },
  { name: 'a local file', area: 'sender', message: () => save({ id: '1706.03762' }), sender: arxivTab('file:///home/user/arxiv.org/abs/1706.03762.html') },
  // What is asked.
  { name: 'a payload that is a list', area: 'shape', message: () => save(['1706.03762']), sender: ownPage },
  { name: 'a type that is a number', area: 'shape', message: () => ({ type: 7, data: {} }), sender: ownPage },
  { name: 'a type that names an Object method', area: 'shape', message: () => ({ type: 'toString', data: {} }), sender: ownPage },
  { name: 'a type that names the constructor', area: 'shape', message: () => ({ type: 'constructor', data: {} }), sender: ownPage },
  { name: 'an id with a NUL byte', area: 'shape', message: () => save({ id: '1706.03762\u0000' }), sender: ownPage },
  { name: 'an id that is an object', area: 'shape', message: () => save({ id: { toString: () => '1706.03762' } }), sender: ownPage },
  { name: 'a list with one traversal among real ids', area: 'shape', message: () => ({ type: 'getSavedIds', data: { ids: ['1706.03762', '../../etc/passwd'] } }), sender: ownPage },
  { name: 'an entry whose version is text', area: 'shape', message: () => save({ id: '1706.03762', entry: entry({ version: '7' }) }), sender: ownPage },
  { name: 'an entry whose title is an object', area: 'shape', message: () => save({ id: '1706.03762', entry: entry({ title: { toString: () => 'x' } }) }), sender: ownPage },
  { name: 'an entry for another paper than the id saved', area: 'shape', message: () => save({ id: '1207.7214', entry: attentionPaper }), sender: ownPage },
  { name: 'a figure version that is not whole', area: 'shape', message: () => ({ type: 'getFigure', data: { id: '1706.03762', version: 1.5 } }), sender: ownPage },
  { name: 'subscription ids that are text', area: 'shape', message: () => ({ type: 'syncNow', data: { subscriptionIds: 'all' } }), sender: ownPage },
  { name: 'preview categories that are text', area: 'shape', message: () => ({ type: 'previewQuery', data: { ...query, categories: 'cs.LG' } }), sender: ownPage },
  { name: 'a payload that is null', area: 'shape', message: () => ({ type: 'getSavedIds', data: null }), sender: ownPage },
  // How much is sent.
  { name: 'a 10 MB abstract in an entry', area: 'size', message: () => save({ id: '1706.03762', entry: entry({ summary: 'x'.repeat(10_000_000) }) }), sender: ownPage },
  { name: '20,001 authors in an entry', area: 'size', message: () => save({ id: '1706.03762', entry: entry({ authors: Array.from({ length: 20_001 }, (_, i) => ({ name: `A${i}`, affiliations: [] })) }) }), sender: ownPage },
  { name: '1,001 ids', area: 'size', message: () => ({ type: 'getSavedIds', data: { ids: Array.from({ length: 1_001 }, () => '1706.03762') } }), sender: ownPage },
  { name: 'a 1 MB id', area: 'size', message: () => save({ id: '1'.repeat(1_000_000) }), sender: arxivTab() },
  { name: '10,000 subscription ids', area: 'size', message: () => ({ type: 'syncNow', data: { subscriptionIds: Array.from({ length: 10_000 }, (_, i) => `s${i}`) } }), sender: ownPage },
  { name: '101 excluded terms in a preview', area: 'size', message: () => ({ type: 'previewQuery', data: { ...query, exclude: Array.from({ length: 101 }, (_, i) => `t${i}`) } }), sender: ownPage },
];
