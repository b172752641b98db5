import type { PaperSlot } from './find-papers';
import type { Layout, SaveControl } from './save-control';

/*
 * Private marks, kept as symbol-keyed properties of DOM objects. In a browser they live in the
 * extension's isolated world: the page can neither see nor forge them, unlike the public
 * `data-paper-radar-save` attribute. `Symbol.for` lets a second run of this script in the same
 * world recognise the first one's controls instead of adding its own.
 */
const SLOT_MARK = Symbol.for('paper-radar.save-slot');
const OWN_MARK = Symbol.for('paper-radar.own-element');

interface SlotMark {
  control: SaveControl;
  /** How often a control was put at this anchor; a page that keeps removing it wins. */
  placements: number;
}

type Marked = { [SLOT_MARK]?: SlotMark; [OWN_MARK]?: true };
const marks = (node: Node) => node as Node & Marked;

/** After this many placements at one anchor, the page is taken to be removing the control on purpose. */
export const MAX_PLACEMENTS = 8;

/** True for elements Paper Radar put into the page. */
export function isOwnElement(node: Node): boolean {
  return marks(node)[OWN_MARK] === true;
}

export function layoutFor(slot: PaperSlot): Layout {
  // After a title it stands on its own line; after a link (a list of unknown markup) it follows it.
  if (slot.placement === 'after') return slot.anchor.tagName === 'A' ? 'inline' : 'block';
  return slot.anchor.tagName === 'UL' || slot.anchor.tagName === 'OL' ? 'list-item' : 'inline';
}

function isInPlace(slot: PaperSlot, element: Element): boolean {
  if (!element.isConnected) return false;
  const parent = slot.placement === 'after' ? slot.anchor.parentNode : slot.anchor;
  return element.parentNode === parent;
}

function place(slot: PaperSlot, element: Element): void {
  slot.anchor[slot.placement](element);
}

/** A control and the anchor it was put at. */
export interface Placed {
  control: SaveControl;
  anchor: Element;
}

export interface InjectResult {
  /** Controls put into the page by this pass. */
  added: Placed[];
  /** Controls found out of place (the page re-rendered around them) and taken out. */
  removed: Placed[];
  /** Slots left alone because the page kept removing their control. */
  refused: number;
}

/**
 * Makes sure every slot has exactly one control, in place. Idempotent: a slot whose anchor
 * carries a control that is still where it was put gets nothing; a new anchor (the page
 * re-rendered the entry) gets a new control; planted look-alikes are not marks and change
 * nothing.
 */
export function injectControls(slots: readonly PaperSlot[], create: (slot: PaperSlot) => SaveControl | null): InjectResult {
  const result: InjectResult = { added: [], removed: [], refused: 0 };
  for (const slot of slots) {
    const anchor = marks(slot.anchor);
    const mark = anchor[SLOT_MARK];
    if (mark && isInPlace(slot, mark.control.element)) continue;
    if (mark) {
      mark.control.element.remove();
      result.removed.push({ control: mark.control, anchor: slot.anchor });
      if (mark.placements >= MAX_PLACEMENTS) {
        result.refused += 1;
        continue;
      }
    }
    const control = create(slot);
    if (!control) continue;
    marks(control.element)[OWN_MARK] = true;
    place(slot, control.element);
    anchor[SLOT_MARK] = { control, placements: (mark?.placements ?? 0) + 1 };
    result.added.push({ control, anchor: slot.anchor });
  }
  return result;
}

/** Takes a control out of the page, and its mark off its anchor. */
export function removePlaced({ control, anchor }: Placed): void {
  const marked = marks(anchor);
  if (marked[SLOT_MARK]?.control === control) delete marked[SLOT_MARK];
  control.element.remove();
}
