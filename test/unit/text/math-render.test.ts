import { beforeAll, describe, expect, it } from 'vitest';
import { createMathRenderer, isSafeMathTree, loadMathRenderer, type MathRenderer } from '../../../lib/text/math-render';
import { splitMath } from '../../../lib/text/math';
import { apiEntries } from './fixture-texts';

const MATHML_NS = 'http://www.w3.org/1998/Math/MathML';
let render: MathRenderer;

beforeAll(async () => {
  render = await loadMathRenderer();
});

function everyElement(root: Element): Element[] {
  return [root, ...Array.from(root.querySelectorAll('*'))];
}

function expectHarmless(root: Element | null) {
  if (!root) return;
  for (const element of everyElement(root)) {
    expect(element.namespaceURI).toBe(MATHML_NS);
    expect(['a', 'script', 'img', 'span', 'style', 'iframe', 'foreignObject']).not.toContain(element.localName);
    for (const attribute of Array.from(element.attributes)) {
      expect(attribute.name).not.toMatch(/^on|href|src|id$/i);
      expect(attribute.value).not.toMatch(/javascript:|url\(/i);
    }
  }
}

function fixtureMath(fragment: string): string {
  const entry = apiEntries.find((candidate) => candidate.title.includes(fragment) || candidate.summary.includes(fragment));
  const segment = splitMath(`${entry?.title ?? ''} ${entry?.summary ?? ''}`).find(
    (candidate) => candidate.kind === 'math' && candidate.raw === fragment,
  );
  if (!segment || segment.kind !== 'math') throw new Error(`no fixture has ${fragment}`);
  return segment.tex;
}

describe('rendering the fixtures\u2019 LaTeX', () => {
  it('turns each formula into a MathML element with the right parts', () => {
    const cases: Array<[string, string[]]> = [
      ['$ω$', ['mi']],
      ['$Θ(\\sqrt{n})$', ['msqrt']],
      ['$\\varepsilon_1/\\varepsilon_2^2$', ['msub', 'msubsup']],
      ['$e^+e^-$', ['msup']],
      ['$r>0$', ['mo', 'mn']],
    ];
    for (const [raw, parts] of cases) {
      const math = render(fixtureMath(raw), false);
      expect(math?.localName, raw).toBe('math');
      expect(math?.namespaceURI).toBe(MATHML_NS);
      for (const part of parts) expect(math?.querySelector(part), `${raw} has ${part}`).not.toBeNull();
      expectHarmless(math);
    }
    expect(render(fixtureMath('$r>0$'), false)?.textContent).toContain('>');
  });

  it('asks temml for display math only for display segments', () => {
    // happy-dom's MathML elements have no style object, which temml's display mode writes to, so
    // this checks what is asked of temml; the browser tests see the rendering itself.
    const modes: boolean[] = [];
    const recording = createMathRenderer({
      render(_tex, node, options) {
        modes.push(options.displayMode);
        node.appendChild(document.createElementNS(MATHML_NS, 'math'));
      },
    });
    for (const segment of splitMath('$a$ and $$b$$ and \\[c\\]')) if (segment.kind === 'math') recording(segment.tex, segment.display);
    expect(modes).toEqual([false, true, true]);
  });
});

describe('rendering hostile LaTeX', () => {
  const hostile = [
    '\\href{javascript:alert(1)}{x}',
    '\\url{javascript:alert(1)}',
    '\\htmlClass{x}{y}',
    '\\htmlData{foo=bar}{y}',
    '\\class{x}{y}',
    '\\id{main}{y}',
    '\\style{position:fixed;top:0}{y}',
    '\\data{onclick=alert(1)}{y}',
    '\\includegraphics{https://evil.example/x.png}',
    '\\ref{x}',
    '\\eqref{x}',
    '\\def\\a{\\a\\a}\\a',
    '\\def\\a{aaaaaaaa}\\def\\b{\\a\\a\\a\\a\\a\\a\\a\\a}\\def\\c{\\b\\b\\b\\b\\b\\b\\b\\b}\\def\\d{\\c\\c\\c\\c\\c\\c\\c\\c}\\d\\d\\d\\d',
    '\\newcommand{\\x}{\\x}\\x',
    '\\begin{matrix} a & b',
    '{'.repeat(5000) + 'x' + '}'.repeat(5000),
    'x'.repeat(5000),
  ];

  it('refuses what is not plain math, so the caller shows the raw text', () => {
    for (const tex of hostile) expect(render(tex, false), tex.slice(0, 40)).toBeNull();
  });

  it('renders markup inside TeX as characters, never as elements', () => {
    const math = render('</math><script>alert(1)</script><a href="javascript:x">y</a>', false);
    expect(math).not.toBeNull();
    expectHarmless(math);
    expect(math?.textContent).toContain('script');
  });

  it('keeps rules and spaces small, so a formula cannot cover the card', () => {
    const sizes = (tex: string) =>
      everyElement(render(tex, false) as Element).flatMap((element) =>
        ['width', 'height'].flatMap((name) => element.getAttribute(name) ?? []),
      );
    // temml caps em and pt itself; centimetres and inches it lets through, so those are refused.
    expect(sizes('\\rule{1000em}{1000em}')).toEqual(['5em', '5em']);
    expect(render('\\rule{1000cm}{1000in}', false)).toBeNull();
    expect(render('\\hspace{1000in}', false)).toBeNull();
    expect(render('\\raisebox{1000cm}{x}', false)).toBeNull();
    expect(render('\\rule[1000cm]{1pt}{1pt}', false)).toBeNull();
    expect(sizes('\\hspace{1cm}')).toEqual(['1cm']);
  });

  it('gives up on a macro bomb instead of freezing the page', () => {
    const started = performance.now();
    expect(render('\\def\\a#1{#1#1}\\a{\\a{\\a{\\a{\\a{\\a{\\a{\\a{x}}}}}}}}', false)).toBeNull();
    // 256 copies are refused by temml's expansion limit; a freeze would take seconds.
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('isSafeMathTree', () => {
  /** A `<math>` holding one `tag` element with `attributes`, built the way temml builds its output. */
  const mathWith = (tag: string, attributes: Record<string, string> = {}, namespace = MATHML_NS) => {
    const math = document.createElementNS(MATHML_NS, 'math');
    const child = document.createElementNS(namespace, tag);
    for (const [name, value] of Object.entries(attributes)) child.setAttribute(name, value);
    child.textContent = 'x';
    math.appendChild(child);
    return math;
  };

  it('accepts plain MathML and rejects anything else', () => {
    expect(isSafeMathTree(mathWith('mi', { mathvariant: 'normal', style: 'color:#ff0000;' }))).toBe(true);
    expect(isSafeMathTree(mathWith('mi', { onclick: 'alert(1)' }))).toBe(false);
    expect(isSafeMathTree(mathWith('mi', { href: 'javascript:alert(1)' }))).toBe(false);
    expect(isSafeMathTree(mathWith('mi', { id: 'main' }))).toBe(false);
    expect(isSafeMathTree(mathWith('mi', { style: 'background:url(https://evil.example/)' }))).toBe(false);
    expect(isSafeMathTree(mathWith('mi', { style: 'position:fixed;inset:0' }))).toBe(false);
    expect(isSafeMathTree(mathWith('maction', { actiontype: 'statusline' }))).toBe(false);
    expect(isSafeMathTree(mathWith('a', { href: '#x' }, 'http://www.w3.org/1999/xhtml'))).toBe(false);
    expect(isSafeMathTree(mathWith('mi', {}, 'http://www.w3.org/1999/xhtml'))).toBe(false);
  });
});

describe('createMathRenderer', () => {
  it('returns null when the renderer throws, and passes untrusted, throwing options', () => {
    const seen: unknown[] = [];
    const failing = createMathRenderer({
      render(_tex, _node, options) {
        seen.push(options);
        throw new Error('boom');
      },
    });
    expect(failing('x', false)).toBeNull();
    expect(seen).toEqual([expect.objectContaining({ trust: false, throwOnError: true, displayMode: false })]);
  });
});
