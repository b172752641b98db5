const MATHML_NS = 'http://www.w3.org/1998/Math/MathML';

/** The part of temml's API this module uses (temml 0.13). */
export interface TemmlOptions {
  displayMode: boolean;
  annotate: boolean;
  throwOnError: boolean;
  trust: boolean;
  strict: boolean;
  maxExpand: number;
  maxSize: [number, number];
}

export interface Temml {
  render(expression: string, baseNode: HTMLElement, options: TemmlOptions): void;
}

/** Renders TeX to a detached `<math>` element, or null when it cannot be shown safely. */
export type MathRenderer = (tex: string, display: boolean) => Element | null;

// Abstracts use short formulas; anything longer or deeper is more likely an attack than math,
// and deep nesting overflows temml's recursive parser.
const MAX_TEX_LENGTH = 1000;
const MAX_BRACE_DEPTH = 24;

const ALLOWED_ELEMENTS = new Set([
  'math', 'semantics', 'annotation', 'mrow', 'mi', 'mn', 'mo', 'ms', 'mtext', 'mspace', 'msub', 'msup',
  'msubsup', 'munder', 'mover', 'munderover', 'mmultiscripts', 'mprescripts', 'none', 'mfrac', 'msqrt',
  'mroot', 'mstyle', 'mpadded', 'mphantom', 'menclose', 'mtable', 'mtr', 'mtd', 'mlabeledtr', 'merror',
]);

const ALLOWED_ATTRIBUTES = new Set([
  'class', 'style', 'display', 'displaystyle', 'scriptlevel', 'mathvariant', 'mathcolor', 'mathbackground',
  'mathsize', 'lspace', 'rspace', 'stretchy', 'fence', 'separator', 'form', 'largeop', 'movablelimits',
  'symmetric', 'minsize', 'maxsize', 'accent', 'accentunder', 'width', 'height', 'depth', 'voffset',
  'linethickness', 'notation', 'columnalign', 'rowalign', 'columnspacing', 'rowspacing', 'columnlines',
  'rowlines', 'frame', 'framespacing', 'encoding', 'linebreak', 'xmlns',
]);

// Styles temml writes are colours, borders, paddings and sizes; nothing that loads, moves or hides.
const UNSAFE_STYLE = /url\(|expression|image|position|@|\\|content|behavior|binding/i;

// temml caps sizes given in em and pt but lets `\rule{1000cm}{1000in}` or `\raisebox{1000cm}`
// through; anything larger than a few characters could cover the page, so the tree is refused.
const MAX_EMS = 6;
const LENGTH = /(-?\d*\.?\d+)\s*(em|ex|px|pt|bp|pc|in|cm|mm|dd|cc|mu)\b/g;
const EMS_PER_UNIT: Record<string, number> = {
  em: 1, ex: 0.5, px: 1 / 16, pt: 1 / 12, bp: 1 / 12, pc: 1, in: 6, cm: 6 / 2.54, mm: 0.6 / 2.54, dd: 1.07 / 12,
  cc: 12.84 / 12, mu: 1 / 18,
};

function lengthsWithin(value: string): boolean {
  for (const [, number = '0', unit = 'em'] of value.matchAll(LENGTH)) {
    if (Math.abs(Number(number)) * (EMS_PER_UNIT[unit] ?? 1) > MAX_EMS) return false;
  }
  return true;
}

function bracesWithin(tex: string, limit: number): boolean {
  let depth = 0;
  for (const c of tex) {
    if (c === '{') depth++;
    else if (c === '}') depth--;
    if (depth > limit) return false;
  }
  return true;
}

/**
 * Options for text nobody vetted: no `\href`, `\url`, `\class`, `\style`, `\includegraphics`
 * (untrusted), errors thrown so the caller can fall back to the raw text, and a low macro
 * expansion limit so `\def` bombs stop early.
 */
export function temmlOptions(display: boolean): TemmlOptions {
  return {
    displayMode: display,
    annotate: true,
    throwOnError: true,
    trust: false,
    strict: false,
    maxExpand: 100,
    // [em, pt]: a rule or space from an abstract stays within a few characters' size.
    maxSize: [5, 60],
  };
}

/** Whether a rendered tree is plain MathML: known elements and attributes, harmless styles and sizes. */
export function isSafeMathTree(root: Element): boolean {
  const pending: Element[] = [root];
  for (let element = pending.pop(); element; element = pending.pop()) {
    if (element.namespaceURI !== MATHML_NS || !ALLOWED_ELEMENTS.has(element.localName)) return false;
    for (const attribute of Array.from(element.attributes)) {
      if (!ALLOWED_ATTRIBUTES.has(attribute.name)) return false;
      if (attribute.name === 'style' && UNSAFE_STYLE.test(attribute.value)) return false;
      if (!lengthsWithin(attribute.value)) return false;
    }
    pending.push(...Array.from(element.children));
  }
  return true;
}

/** A renderer over a loaded temml: it builds DOM nodes (never markup) and checks what it built. */
export function createMathRenderer(temml: Temml, doc: Document = document): MathRenderer {
  return (tex, display) => {
    if (tex.length > MAX_TEX_LENGTH || !bracesWithin(tex, MAX_BRACE_DEPTH)) return null;
    const host = doc.createElement('span');
    try {
      temml.render(tex, host, temmlOptions(display));
    } catch {
      return null;
    }
    const math = host.firstElementChild;
    if (host.childNodes.length !== 1 || !math || math.localName !== 'math') return null;
    return isSafeMathTree(math) ? math : null;
  };
}

let loaded: MathRenderer | null = null;
let loading: Promise<MathRenderer> | null = null;

/** The renderer if temml has already been loaded, so later cards can show math at once. */
export function loadedMathRenderer(): MathRenderer | null {
  return loaded;
}

/** Loads temml on first use only, so pages without math never download it. */
export function loadMathRenderer(): Promise<MathRenderer> {
  loading ??= import('temml').then(
    (module) => (loaded = createMathRenderer(module.default)),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}
