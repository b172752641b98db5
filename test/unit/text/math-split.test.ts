import { describe, expect, it } from 'vitest';
import { findMathSpans, hasMath, splitMath } from '../../../lib/text/math';
import { apiEntries } from './fixture-texts';

const maths = (text: string) => splitMath(text).flatMap((segment) => (segment.kind === 'math' ? [segment.tex] : []));

function entryContaining(fragment: string) {
  const entry = apiEntries.find((candidate) => candidate.title.includes(fragment) || candidate.summary.includes(fragment));
  if (!entry) throw new Error(`no fixture entry contains ${fragment}`);
  return entry;
}

describe('splitMath on the fixtures', () => {
  it('finds the math in a title that starts with it ($ω$Test)', () => {
    const { title } = entryContaining('$ω$Test');
    expect(title).toMatch(/^\$ω\$Test/);
    expect(splitMath(title)[0]).toEqual({ kind: 'math', tex: 'ω', display: false, raw: '$ω$' });
    expect((splitMath(title)[1] as { text: string }).text).toMatch(/^Test/);
  });

  it('finds every formula of the testing abstracts and keeps the prose around them', () => {
    const complexity = entryContaining('$Θ(\\sqrt{n})$').summary;
    expect(maths(complexity)).toEqual(expect.arrayContaining(['Θ(\\sqrt{n})', '\\varepsilon_1/\\varepsilon_2^2']));
    expect(splitMath(complexity).map((segment) => (segment.kind === 'math' ? segment.raw : segment.text)).join('')).toBe(complexity);

    // The feed writes `$r&gt;0$`; the parser decodes it.
    expect(maths(entryContaining('$r>0$').summary)).toContain('r>0');
    expect(maths(entryContaining('$e^+e^-$').summary)).toEqual(['10^{31}', '10^{32}', 'e^+e^-']);
  });

  it('leaves money alone: "$35,000 in total" has no closing dollar', () => {
    const { summary } = entryContaining('$35,000');
    expect(hasMath(summary)).toBe(false);
    expect(splitMath(summary)).toEqual([{ kind: 'text', text: summary }]);
  });

  it('says which fixture texts have math, and every segment it finds renders back to the source', () => {
    const texts = apiEntries.flatMap((entry) => [entry.title, entry.summary]);
    const withMath = texts.filter(hasMath);
    expect(withMath.length).toBeGreaterThanOrEqual(8);
    for (const text of withMath) {
      const rebuilt = splitMath(text).map((segment) => (segment.kind === 'math' ? segment.raw : null));
      expect(rebuilt.some((raw) => raw !== null)).toBe(true);
      for (const span of findMathSpans(text)) expect(text.slice(span.start, span.end)).toMatch(/^(\$\$?|\\[([])[\s\S]+(\$\$?|\\[)\]])$/);
    }
  });
});

describe('splitMath delimiters', () => {
  it('knows the four delimiters and which are display math', () => {
    expect(splitMath('a $x$ b $$y$$ c \\(z\\) d \\[w\\] e')).toEqual([
      { kind: 'text', text: 'a ' },
      { kind: 'math', tex: 'x', display: false, raw: '$x$' },
      { kind: 'text', text: ' b ' },
      { kind: 'math', tex: 'y', display: true, raw: '$$y$$' },
      { kind: 'text', text: ' c ' },
      { kind: 'math', tex: 'z', display: false, raw: '\\(z\\)' },
      { kind: 'text', text: ' d ' },
      { kind: 'math', tex: 'w', display: true, raw: '\\[w\\]' },
      { kind: 'text', text: ' e' },
    ]);
  });

  it('treats escaped dollars as text and shows them as dollars', () => {
    expect(splitMath('costs \\$5 and \\$10 per run')).toEqual([{ kind: 'text', text: 'costs $5 and $10 per run' }]);
    expect(maths('a $\\$x$ b')).toEqual(['\\$x']);
  });

  it('does not read prices as math', () => {
    for (const text of ['between $5 and $10 per hour', 'a $5-$10 range', 'from $1.5M to $2M.', 'it costs $5, and $x$ is a variable']) {
      expect(maths(text).filter((tex) => tex !== 'x')).toEqual([]);
    }
    expect(maths('it costs $5, and $x$ is a variable')).toEqual(['x']);
    expect(maths('runs in $5 and 10$ms')).toEqual([]);
  });

  it('keeps unbalanced delimiters as text', () => {
    for (const text of ['one $x', 'two $$y', 'three \\(z', 'four \\[w', 'empty $$ $$ and $ $', 'a \\) b \\] c']) {
      expect(hasMath(text)).toBe(false);
      expect(splitMath(text)).toHaveLength(1);
    }
  });

  it('still finds math next to digits and words when it is clearly math', () => {
    expect(maths('a $2$-approximation and the $n$th root, $k=3$.')).toEqual(['2', 'n', 'k=3']);
  });

  it('returns text without math as one segment, and nothing for nothing', () => {
    expect(splitMath('plain words')).toEqual([{ kind: 'text', text: 'plain words' }]);
    expect(splitMath('')).toEqual([]);
  });
});

describe('text around math', () => {
  it('turns simple TeX outside math into what it means', () => {
    expect(splitMath('over 60\\% of R\\\'{e}nyi \\textit{asynchrony} in \\textbf{BalanceRoute} \\& co')).toEqual([
      { kind: 'text', text: 'over 60% of Rényi asynchrony in BalanceRoute & co' },
    ]);
  });

  it('turns symbol commands outside math into their symbols, as in a fixture abstract’s “275 {\\deg}C”', () => {
    const text = (source: string) => splitMath(source).flatMap((segment) => (segment.kind === 'text' ? [segment.text] : [])).join('');
    const summary = entryContaining('{\\deg}C').summary;
    expect(text(summary)).toContain('(200-500 °C)');
    expect(text(summary)).toContain('at 275 °C, well above');
    expect(text(summary)).not.toContain('\\deg');
    expect(text('Stra\\ss e, Erd\\H{o}s, \\v{C}ech, {\\o}stergaard, \\AA ngstr\\"om, 1, \\ldots{}, n, a \\ldots and b, 5\\textdegree, \\omega, \\label')).toBe(
      'Straße, Erdős, Čech, østergaard, Ångström, 1, …, n, a … and b, 5°, \\omega, \\label',
    );
  });

  it('leaves TeX inside math as written', () => {
    expect(maths('$\\textbf{x}\\%$')).toEqual(['\\textbf{x}\\%']);
  });
});
