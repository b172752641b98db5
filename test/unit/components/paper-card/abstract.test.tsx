import { cleanup, render } from '../../../helpers/dom-testing';
import { afterEach, describe, expect, it } from 'vitest';
import { Abstract } from '../../../../components/paper-card/abstract';
import { HighlightQuery } from '../../../../components/common/highlight';

afterEach(cleanup);

const abstractFor = (query: string, text: string) =>
  render(
    <HighlightQuery query={query}>
      <Abstract id="abstract" text={text} />
    </HighlightQuery>,
  ).container.querySelector('.card__abstract')!;

describe('a search result’s abstract', () => {
  // Made up here: a long first sentence, then a formula just before the word searched for.
  const prose = 'We study the long-time behaviour of a family of interacting systems under weak coupling and many other assumptions, ';
  const text = `${prose.repeat(3)}with the estimate $a + b + c + d + e + f + g + h + i + j + k + l + m$ for every maritime vessel in the fleet.`;

  it('starts at the hit when the three lines would not show it, and never inside a formula', () => {
    const shown = abstractFor('maritime', text).textContent!;
    // The formula whole, as TeX or as math (once another test has loaded the renderer): spaces and `$` aside, the same letters.
    expect(shown.replace(/[\s$]/g, '').startsWith('…a+b+c')).toBe(true);
    expect(shown).toContain('maritime');
  });

  it('starts at the beginning outside search results', () => {
    expect(abstractFor('', text).textContent!.startsWith('We study')).toBe(true);
  });
});
