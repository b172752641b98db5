import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { splitMath } from '../../lib/text/math';
import { Highlighted } from '../common/highlight';
import { loadedMathRenderer, loadMathRenderer, type MathRenderer } from '../../lib/text/math-render';

interface MathTextProps {
  text: string;
  /** How to get the renderer; tests pass their own. Defaults to loading temml on demand. */
  loadRenderer?: () => Promise<MathRenderer>;
}

interface RenderedMathProps {
  render: MathRenderer;
  tex: string;
  display: boolean;
  raw: string;
}

/**
 * One formula. Its children are built by the renderer, not by Preact: temml makes DOM nodes,
 * which are checked and then moved in before the browser paints; on failure the raw TeX stays.
 */
function RenderedMath({ render, tex, display, raw }: RenderedMathProps) {
  const host = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    const element = host.current;
    if (!element) return;
    element.replaceChildren(render(tex, display) ?? element.ownerDocument.createTextNode(raw));
  }, [render, tex, display, raw]);
  return <span ref={host} class={display ? 'math math-display' : 'math'} />;
}

/**
 * Text from arXiv with its LaTeX shown as math. The words appear at once as plain text; when
 * the text holds math, the renderer loads in the background and each formula replaces its
 * raw TeX, which stays in place if the renderer fails to load or rejects the formula.
 */
export function MathText({ text, loadRenderer = loadMathRenderer }: MathTextProps) {
  const segments = useMemo(() => splitMath(text), [text]);
  const needsMath = segments.some((segment) => segment.kind === 'math');
  // Once temml is in, later cards show their math in the first paint.
  const [render, setRender] = useState<MathRenderer | null>(() =>
    loadRenderer === loadMathRenderer ? loadedMathRenderer() : null,
  );

  useEffect(() => {
    if (!needsMath || render) return;
    let current = true;
    loadRenderer().then(
      (loaded) => current && setRender(() => loaded),
      () => undefined, // the raw TeX already on screen is the fallback
    );
    return () => {
      current = false;
    };
  }, [needsMath, render, loadRenderer]);

  return (
    <>
      {segments.map((segment, index) => {
        if (segment.kind === 'text') return <Highlighted key={index} text={segment.text} />;
        if (!render) return segment.raw;
        const { tex, display, raw } = segment;
        return <RenderedMath key={index} render={render} tex={tex} display={display} raw={raw} />;
      })}
    </>
  );
}
