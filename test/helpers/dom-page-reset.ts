/**
 * Run before each DOM test file (a setup file of the `dom` projects). The DOM files share one
 * happy-dom window per worker and the modules they import: each file finds the page empty, in
 * the `<html>`, `<head>` and `<body>` the window started with, since what binds to them when it
 * is imported (Testing Library's `screen` to `document.body`) lives on into the next file.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';

interface FirstPage {
  documentElement: HTMLElement;
  head: HTMLHeadElement;
  body: HTMLElement;
}
// happy-dom leaves document.compatMode undefined, which temml takes for quirks mode: it then
// refuses to render for as long as it stays imported (in every later file of the worker).
// Browsers report CSS1Compat for pages with a doctype, as the extension's pages have.
Object.defineProperty(document, 'compatMode', { value: 'CSS1Compat', configurable: true });

const KEY = Symbol.for('paper-radar.test.first-page');
const scope = globalThis as { [KEY]?: FirstPage };
const first = (scope[KEY] ??= { documentElement: document.documentElement, head: document.head, body: document.body });

function emptied(element: Element): void {
  for (const name of element.getAttributeNames()) element.removeAttribute(name);
  element.replaceChildren();
}

if (document.documentElement !== first.documentElement) {
  // A content test showed an arXiv page in place of the whole document.
  document.documentElement?.remove();
  document.append(first.documentElement);
}
for (const element of [first.documentElement, first.head, first.body]) emptied(element);
first.documentElement.append(first.head, first.body);
document.title = '';
// The address the window started at, not an arXiv page's or a route a file went to.
(window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL('http://localhost:3000/');
// The extension's storage (settings such as the feed's order) as a new profile has it.
fakeBrowser.reset();
localStorage.clear();
sessionStorage.clear();

// happy-dom has no requestIdleCallback, which the extension's browsers all have: the pages' idle
// work (the first-screen writer, card extras) then took its fallback timers, 100–200 ms of real
// time per render. A page under test is idle as soon as its tasks are done.
const idleGlobals = globalThis as unknown as { requestIdleCallback?: unknown; cancelIdleCallback?: unknown };
if (typeof idleGlobals.requestIdleCallback !== 'function') {
  idleGlobals.requestIdleCallback = (work: IdleRequestCallback) => setTimeout(() => work({ didTimeout: false, timeRemaining: () => 50 }), 0);
  idleGlobals.cancelIdleCallback = (handle: ReturnType<typeof setTimeout>) => clearTimeout(handle);
}
