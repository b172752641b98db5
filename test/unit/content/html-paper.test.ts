import { describe, expect, it } from 'vitest';
import { findPapers } from '../../../lib/content/find-papers';
import { detectPage } from '../../../lib/content/page-kind';
import { pageSubject } from '../../../lib/content/page-subject';

/*
 * No capture of an HTML paper (/html/<id>) exists. This page is built here with the parts that
 * matter, in the shape of arXiv's header (arxiv-browse dissemination/article_scaffold/header.html:
 * `header.arxiv-html-header` with `nav.html-header-nav` holding "Back to Abstract" and
 * "Download PDF") and of LaTeXML's article body (`h1.ltx_title_document`), whose references
 * link other papers.
 */
function htmlPaper({ header = true, backTo = '2608.12278v2' } = {}): Document {
  const nav = header
    ? `<header class="arxiv-html-header">
        <div class="html-header-logo"><a href="/"><span class="sr-only">Back to arXiv</span></a></div>
        <nav class="html-header-nav">
          <a class="header-button" href="https://info.arxiv.org/about/accessible_HTML.html">Why HTML?</a>
          <a class="header-button" href="#">Report Issue</a>
          <a class="header-button" title="Back to abstract page" href="/abs/${backTo}">Back to Abstract</a>
          <a class="header-button" title="Download PDF" href="/pdf/${backTo}">Download PDF</a>
        </nav>
      </header>`
    : '';
  const html = `<!DOCTYPE html><html><body>${nav}
    <div class="ltx_page_main"><div class="ltx_page_content"><article class="ltx_document">
      <h1 class="ltx_title ltx_title_document">Structural Silence</h1>
      <div class="ltx_abstract"><p class="ltx_p">We build on the Transformer.</p></div>
      <section class="ltx_bibliography"><ul class="ltx_biblist">
        <li class="ltx_bibitem">Vaswani et al. <a class="ltx_ref" href="https://arxiv.org/abs/1706.03762">arXiv:1706.03762</a></li>
      </ul></section>
    </article></div></div></body></html>`;
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('HTML paper /html/<id>', () => {
  it('is an html page about the paper in its URL, with the version the URL names', () => {
    const url = new URL('https://arxiv.org/html/2608.12278v1');
    expect(detectPage(url)).toBe('html');
    expect(pageSubject(htmlPaper(), 'html', url)).toEqual({ id: '2608.12278', version: 1 });
  });

  it('takes the version from "Back to Abstract" when the URL has none', () => {
    const url = new URL('https://arxiv.org/html/2608.12278');
    expect(pageSubject(htmlPaper(), 'html', url)).toEqual({ id: '2608.12278', version: 2 });
  });

  it('does not let the header rename the paper, only give its version', () => {
    const url = new URL('https://arxiv.org/html/2608.12278');
    expect(pageSubject(htmlPaper({ backTo: '1706.03762v7' }), 'html', url)).toEqual({ id: '2608.12278' });
  });

  it('has one slot, in the header button row, and none for papers it cites', () => {
    const url = new URL('https://arxiv.org/html/2608.12278v1');
    const slots = findPapers(htmlPaper(), 'html', url);
    expect(slots).toHaveLength(1);
    expect(slots[0]).toMatchObject({ id: '2608.12278', version: 1, placement: 'append' });
    expect(slots[0]!.anchor.matches('nav.html-header-nav')).toBe(true);
  });

  it('falls back to the title when the header is missing', () => {
    const url = new URL('https://arxiv.org/html/2608.12278v1');
    const slots = findPapers(htmlPaper({ header: false }), 'html', url);
    expect(slots).toHaveLength(1);
    expect(slots[0]!.placement).toBe('after');
    expect(slots[0]!.anchor.textContent).toBe('Structural Silence');
  });
});
