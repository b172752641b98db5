import type { Page } from 'playwright-core';

/**
 * Paper Radar's Save controls on an arXiv tab, read the way DevTools reads a page. Each is the
 * DESIGN.md contract, `<button data-paper-radar-save data-arxiv-id="…" aria-pressed="…">`, in a
 * closed shadow root: the page's own scripts cannot reach it, and neither can Playwright's
 * selectors, so the tests walk the DevTools protocol's DOM, which includes closed roots, and
 * press a control with a real (trusted) mouse click at its place on screen.
 */
export interface SaveControl {
  id: string;
  pressed: string | null;
  /** The word on the button: "Save", "Saved", "Retry"… (its check mark and, for screen readers, the paper's id aside). */
  label: string;
  title: string | null;
  backendNodeId: number;
}

interface DomNode {
  nodeType: number;
  nodeName: string;
  nodeValue: string;
  backendNodeId: number;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

const attributesOf = (node: DomNode) => {
  const pairs = new Map<string, string>();
  for (let i = 0; i + 1 < (node.attributes ?? []).length; i += 2) pairs.set(node.attributes![i]!, node.attributes![i + 1]!);
  return pairs;
};

const textOf = (node: DomNode): string => (node.nodeType === 3 ? node.nodeValue : (node.children ?? []).map(textOf).join(''));

/** The text of the button's `.label` part: the word a reader sees. */
const wordOf = (button: DomNode): string => {
  const label = (button.children ?? []).find((child) => attributesOf(child).get('class') === 'label');
  return textOf(label ?? button);
};

/**
 * Every Paper Radar control in the page, in page order. Buttons a page plants in its own DOM
 * (look-alikes) are left out: Paper Radar's are the ones in a shadow root.
 */
export async function saveControls(page: Page): Promise<SaveControl[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const found: SaveControl[] = [];
    const walk = (node: DomNode, inShadow: boolean) => {
      const attributes = attributesOf(node);
      if (inShadow && node.nodeName === 'BUTTON' && attributes.has('data-paper-radar-save')) {
        found.push({
          id: attributes.get('data-arxiv-id') ?? '',
          pressed: attributes.get('aria-pressed') ?? null,
          label: wordOf(node).trim(),
          title: attributes.get('title') ?? null,
          backendNodeId: node.backendNodeId,
        });
      }
      for (const child of node.children ?? []) walk(child, inShadow);
      for (const shadow of node.shadowRoots ?? []) walk(shadow, true);
    };
    walk(root, false);
    return found;
  } finally {
    await cdp.detach();
  }
}

/** The first control of paper `id`, once there is one. */
export async function saveControl(page: Page, id: string, timeout = 15_000): Promise<SaveControl> {
  const end = Date.now() + timeout;
  for (;;) {
    const control = (await saveControls(page)).find((c) => c.id === id);
    if (control) return control;
    if (Date.now() > end) throw new Error(`no Save control for ${id} on ${page.url()}`);
    await page.waitForTimeout(100);
  }
}

/** Waits until the page has `count` controls (and no more come within a moment); returns them. */
export async function controlsWhenCounted(page: Page, count: number, timeout = 15_000): Promise<SaveControl[]> {
  const end = Date.now() + timeout;
  for (;;) {
    const controls = await saveControls(page);
    if (controls.length >= count) return controls;
    if (Date.now() > end) throw new Error(`${controls.length} Save controls on ${page.url()}, expected ${count}`);
    await page.waitForTimeout(100);
  }
}

/** Presses paper `id`'s control as a reader does: scrolled into view, a real mouse click on it. */
export async function pressSaveControl(page: Page, id: string): Promise<void> {
  const { backendNodeId } = await saveControl(page, id);
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.scrollIntoViewIfNeeded', { backendNodeId });
    const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId })) as { model: { border: number[] } };
    const [x1, y1, , , x3, y3] = model.border as [number, number, number, number, number, number];
    await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
  } finally {
    await cdp.detach();
  }
}

/** `aria-pressed` of paper `id`'s first control, for polling. */
export const pressedOf = async (page: Page, id: string) => (await saveControl(page, id)).pressed;

/** The label of paper `id`'s first control, for polling. */
export const labelOf = async (page: Page, id: string) => (await saveControl(page, id)).label;

/** The tooltip of paper `id`'s first control, for polling. */
export const titleOf = async (page: Page, id: string) => (await saveControl(page, id)).title;
