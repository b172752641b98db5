import { crc32, deflateSync } from 'node:zlib';
import type { ArxivEntry } from '../../lib/arxiv/entry';
import type { FakeArxiv } from './fake-arxiv';

/** A small PNG (a bar chart on white), so the figure is a real image the page decodes. */
export function barChartPng(width = 320, height = 180): Buffer {
  const bars = [
    { from: 40, to: 100, top: 60, rgb: [179, 27, 27] },
    { from: 130, to: 190, top: 30, rgb: [31, 122, 63] },
    { from: 220, to: 280, top: 100, rgb: [40, 90, 170] },
  ];
  const rows: number[] = [];
  for (let y = 0; y < height; y++) {
    rows.push(0); // no filter
    for (let x = 0; x < width; x++) {
      const bar = bars.find((b) => x >= b.from && x < b.to && y >= b.top && y < height - 20);
      const axis = y === height - 20 || x === 20;
      rows.push(...(axis ? [40, 40, 40] : (bar?.rgb ?? [255, 255, 255])));
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** An arXiv HTML paper as LaTeXML writes it: the first figure's image has a relative src. */
export function latexmlPage(paper: ArxivEntry): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${paper.id}</title></head><body>
<div class="ltx_page_main"><article class="ltx_document ltx_authors_1line">
<h1 class="ltx_title ltx_title_document">Paper ${paper.id}</h1>
<section id="S1" class="ltx_section"><h2 class="ltx_title ltx_title_section"><span class="ltx_tag ltx_tag_section">1 </span>Introduction</h2>
<figure id="S1.T1" class="ltx_table"><img src="t1.png" class="ltx_graphics" alt=""></figure>
<figure id="S1.F1" class="ltx_figure"><img src="x1.png" id="S1.F1.g1" class="ltx_graphics ltx_centering ltx_img_landscape" width="598" height="336" alt="Refer to caption">
<figcaption class="ltx_caption ltx_centering"><span class="ltx_tag ltx_tag_figure">Figure 1: </span>Overview.</figcaption></figure>
</section></article></div></body></html>`;
}

/** Serves an HTML version with a first figure for each of `papers` from the fake arXiv. */
export function serveFigures(fake: FakeArxiv, papers: readonly ArxivEntry[]): void {
  const png = barChartPng();
  for (const paper of papers) {
    const path = `/html/${paper.id}v${paper.version}`;
    fake.pages.set(`${path}/`, latexmlPage(paper)); // the trailing slash the extension asks with
    fake.files.set(`${path}/x1.png`, { type: 'image/png', body: png });
  }
}
