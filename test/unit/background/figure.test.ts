import { describe, expect, it } from 'vitest';
import { firstFigureUrl } from '../../../lib/background/figure';

// arXiv HTML papers (LaTeXML output) have no capture in the fixtures; these snippets follow
// LaTeXML's markup for figures (`figure.ltx_figure` > `img.ltx_graphics`, relative src).
const page = 'https://arxiv.org/html/2605.12345v1/';

describe('firstFigureUrl', () => {
  it('returns the first figure image as an absolute arxiv.org URL', () => {
    const html = `<p>text</p><figure class="ltx_figure" id="S1.F1"><img src="x1.png" class="ltx_graphics ltx_centering" width="598" alt="Refer to caption"><figcaption>Figure 1</figcaption></figure>
      <figure class="ltx_figure" id="S1.F2"><img src="x2.png" class="ltx_graphics"></figure>`;
    expect(firstFigureUrl(html, page)).toBe('https://arxiv.org/html/2605.12345v1/x1.png');
  });

  it('skips tables and figures without a graphic', () => {
    const html = `<figure class="ltx_table"><img src="t.png" class="ltx_graphics"></figure><figure class="ltx_figure"><svg></svg></figure><figure class="ltx_figure ltx_figure_panel"><img class="ltx_graphics" src="figs/plot.jpg"></figure>`;
    expect(firstFigureUrl(html, page)).toBe('https://arxiv.org/html/2605.12345v1/figs/plot.jpg');
  });

  it('returns null when there is no figure, and never a URL off arXiv or a script', () => {
    expect(firstFigureUrl('<html><body>No HTML version</body></html>', page)).toBeNull();
    expect(firstFigureUrl('<figure class="ltx_figure"><img class="ltx_graphics" src="https://evil.example/x.png"></figure>', page)).toBeNull();
    expect(firstFigureUrl('<figure class="ltx_figure"><img class="ltx_graphics" src="javascript:alert(1)//x.png"></figure>', page)).toBeNull();
    expect(firstFigureUrl('<figure class="ltx_figure"><img class="ltx_graphics" src="x.html"></figure>', page)).toBeNull();
  });
});
