import { parseAtomFeed } from '../../lib/arxiv/atom';
import type { ArxivEntry } from '../../lib/arxiv/entry';
import page0 from '../fixtures/arxiv/api/q_testing_s0_m10_bc5a6c384fe9.xml?raw';
import page10 from '../fixtures/arxiv/api/q_testing_s10_m10_34e56e15aaac.xml?raw';
import page20 from '../fixtures/arxiv/api/q_testing_s20_m10_348a237fecab.xml?raw';
import page30 from '../fixtures/arxiv/api/q_testing_s30_m10_f2e39f0143dc.xml?raw';
import attention from '../fixtures/arxiv/api/api_1706.03762.xml?raw';
import higgs from '../fixtures/arxiv/api/api_1207.7214.xml?raw';

/** The four real pages of `search_query=testing`, 40 papers newest first. */
export const testingPages: ArxivEntry[][] = [page0, page10, page20, page30].map((xml) => parseAtomFeed(xml).entries);
export const testingPapers: ArxivEntry[] = testingPages.flat();
export const attentionPaper: ArxivEntry = parseAtomFeed(attention).entries[0]!;
export const higgsPaper: ArxivEntry = parseAtomFeed(higgs).entries[0]!;
export const testingXml = { page0, page10, page20, page30 };
