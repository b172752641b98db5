import { cleanup, render, waitFor } from '../../../helpers/dom-testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MathText } from '../../../../components/math/math-text';
import type { MathRenderer } from '../../../../lib/text/math-render';
import { apiEntries } from '../../text/fixture-texts';

const omegaTitle = apiEntries.find((entry) => entry.title.startsWith('$ω$Test'))?.title ?? '';
const complexityAbstract = apiEntries.find((entry) => entry.summary.includes('$Θ(\\sqrt{n})$'))?.summary ?? '';

function visibleText(container: Element): string {
  // MathML keeps its TeX source in an <annotation> that browsers do not show.
  const copy = container.cloneNode(true) as Element;
  for (const annotation of Array.from(copy.querySelectorAll('annotation'))) annotation.remove();
  return copy.textContent ?? '';
}

describe('MathText', () => {
  afterEach(cleanup);

  it('renders text without math at once, as text, without loading the renderer', () => {
    const loadRenderer = vi.fn<() => Promise<MathRenderer>>();
    const { container } = render(<MathText text="Saves 60\% of $35,000 <b>per</b> year" loadRenderer={loadRenderer} />);
    expect(container.textContent).toBe('Saves 60% of $35,000 <b>per</b> year');
    expect(container.querySelector('b')).toBeNull();
    expect(loadRenderer).not.toHaveBeenCalled();
  });

  it('shows the raw TeX first, then MathML once temml has loaded', async () => {
    const { container } = render(<MathText text={omegaTitle} />);
    expect(container.textContent).toBe(omegaTitle);
    await waitFor(() => expect(container.querySelector('math')).not.toBeNull());
    expect(container.querySelector('math mi')?.textContent).toBe('ω');
    expect(visibleText(container)).toBe(omegaTitle.replace('$ω$', 'ω'));
  });

  it('renders every formula of a real abstract and keeps the words between them', async () => {
    const { container } = render(<MathText text={complexityAbstract} />);
    await waitFor(() => expect(container.querySelectorAll('math').length).toBeGreaterThanOrEqual(5));
    expect(container.querySelector('math msqrt')).not.toBeNull();
    expect(visibleText(container)).toContain('the sample complexity is');
    // Every inline formula is math now (the one display formula, \[…\], needs a real browser:
    // happy-dom's MathML elements lack the style object temml's display mode writes to).
    expect(visibleText(container)).not.toContain('$');
  });

  it('leaves the raw TeX in place when a formula is refused', async () => {
    const text = 'Click $\\href{javascript:alert(1)}{here}$ or $\\rule[1000cm]{1pt}{1pt}$, not $x^2$.';
    const { container } = render(<MathText text={text} />);
    await waitFor(() => expect(container.querySelector('math')).not.toBeNull());
    expect(container.querySelectorAll('math')).toHaveLength(1);
    expect(visibleText(container)).toBe('Click $\\href{javascript:alert(1)}{here}$ or $\\rule[1000cm]{1pt}{1pt}$, not x2.');
    expect(container.querySelector('a, [href], script')).toBeNull();
  });

  it('renders hostile markup in text and in math as characters', async () => {
    const text = '<img src=x onerror=alert(1)> and $</math><script>alert(1)</script>$';
    const { container } = render(<MathText text={text} />);
    await waitFor(() => expect(container.querySelector('math')).not.toBeNull());
    expect(container.querySelector('img, script')).toBeNull();
    expect(visibleText(container)).toContain('<img src=x onerror=alert(1)>');
  });

  it('keeps the raw TeX when the renderer cannot be loaded', async () => {
    const loadRenderer = vi.fn(() => Promise.reject(new Error('offline')));
    const { container } = render(<MathText text="where $x^2$ grows" loadRenderer={loadRenderer} />);
    await waitFor(() => expect(loadRenderer).toHaveBeenCalled());
    await Promise.resolve();
    expect(container.textContent).toBe('where $x^2$ grows');
  });

  it('shows the new text when the text changes', async () => {
    const { container, rerender } = render(<MathText text="first $a$" />);
    await waitFor(() => expect(container.querySelector('math mi')?.textContent).toBe('a'));
    rerender(<MathText text="second $b$ and plain" />);
    await waitFor(() => expect(container.querySelector('math mi')?.textContent).toBe('b'));
    expect(visibleText(container)).toBe('second b and plain');
  });
});
