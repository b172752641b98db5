import { useState } from 'preact/hooks';
import { firstHit } from '../../lib/search/highlight';
import { useHighlightWords } from '../common/highlight';
import { MathText } from '../math/math-text';

// Below this length an abstract fits in three lines on a card and needs no control.
const SHORT_ABSTRACT = 260;
/**
 * The clamped preview holds at most this much: every arXiv abstract whole (1,920 characters at
 * most), while a longer text (20,000 characters from a hostile feed) is not laid out in full
 * behind a three-line clamp on every card.
 */
const PREVIEW_CHARS = 2_000;

/** About what three clamped lines of an abstract show on a narrow card: a search hit further on is not seen. */
const CLAMPED_CHARS = 200;
/** Before a hit in a long sentence, the preview starts this many characters back, at a word. */
const BEFORE_HIT = 60;

/**
 * The preview from the sentence where the search's first hit is, after an ellipsis, when the
 * three lines would not show the hit: a result with no marked word reads as found for nothing.
 */
function fromFirstHit(preview: string, prefixes: readonly string[]): string {
  if (prefixes.length === 0) return preview;
  const at = firstHit(preview, prefixes);
  if (at < CLAMPED_CHARS) return preview;
  const sentence = preview.lastIndexOf('. ', at);
  let start = sentence >= 0 && at - sentence <= 2 * BEFORE_HIT ? sentence + 2 : preview.lastIndexOf(' ', at - BEFORE_HIT) + 1;
  // Not inside a formula: cut after an odd number of `$`, the rest would pair them wrongly.
  if ((preview.slice(0, start).match(/\$/g)?.length ?? 0) % 2 === 1) start = preview.lastIndexOf('$', start - 1);
  return `…${preview.slice(start)}`;
}

/** `text` cut at a word end before `max` characters, with an ellipsis; whole when it is short enough. */
function opening(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = text.lastIndexOf(' ', max);
  return `${text.slice(0, end > 0 ? end : max)}…`;
}

interface AbstractProps {
  id: string;
  text: string;
  /**
   * The sentence the card's claim was made from. The claim stands for it above the abstract,
   * so the preview leaves it out (it would say the same thing twice); the whole abstract shows
   * it, marked as the claim's source.
   */
  claimSource?: string;
  /** Always whole, without a control (a compact row opened to read it). */
  whole?: boolean;
}

/** The abstract in three parts: before the claim's sentence, the sentence, after it. */
function around(text: string, sentence: string | undefined): [string, string, string] | null {
  const at = sentence ? text.indexOf(sentence) : -1;
  if (!sentence || at < 0) return null;
  return [text.slice(0, at), sentence, text.slice(at + sentence.length)];
}

/**
 * The abstract clamped to three lines, with a control to read it whole. The clamp is only
 * visual; the preview leaves out the claim's sentence, which the whole abstract has.
 */
export function Abstract({ id, text, claimSource, whole = false }: AbstractProps) {
  const [open, setOpen] = useState(false);
  const expanded = open || whole;
  const parts = around(text, claimSource);
  const preview = parts ? `${parts[0].trimEnd()} ${parts[2].trimStart()}`.trim() : text;
  const long = !whole && (text.length > SHORT_ABSTRACT || preview !== text);
  const prefixes = useHighlightWords();
  let shown = <MathText text={opening(long ? fromFirstHit(preview, prefixes) : preview, PREVIEW_CHARS)} />;
  if (expanded && parts) {
    shown = (
      <>
        <MathText text={parts[0]} />
        <span class="card__claim-source" title="The sentence the claim above was made from">
          <MathText text={parts[1]} />
        </span>
        <MathText text={parts[2]} />
      </>
    );
  } else if (expanded) {
    shown = <MathText text={text} />;
  }
  return (
    <div class="card__abstract-box">
      <p id={id} class={long && !expanded ? 'card__abstract card__abstract--clamped' : 'card__abstract'}>
        {shown}
      </p>
      {long && (
        <button
          type="button"
          class="link-button card__expand"
          aria-expanded={expanded}
          aria-controls={id}
          data-action="expand"
          onClick={() => setOpen(!open)}
        >
          {expanded ? 'Show less' : 'Show full abstract'}
        </button>
      )}
    </div>
  );
}
