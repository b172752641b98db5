/**
 * arXiv's category taxonomy, shipped with the extension so that names show offline and the
 * category picker needs no request. Ids, names and groups are arXiv's own, from
 * arxiv.org/category_taxonomy and the `arxiv/taxonomy/definitions.py` module of arXiv's
 * arxiv-base repository (the same data arXiv's pages are built from).
 */

export type CategoryGroup =
  | 'Computer Science'
  | 'Economics'
  | 'Electrical Engineering and Systems Science'
  | 'Mathematics'
  | 'Physics'
  | 'Quantitative Biology'
  | 'Quantitative Finance'
  | 'Statistics';

export interface ArxivCategory {
  id: string;
  name: string;
  group: CategoryGroup;
}

type Row = readonly [id: string, name: string];

const COMPUTER_SCIENCE: readonly Row[] = [
  ['cs.AI', 'Artificial Intelligence'],
  ['cs.AR', 'Hardware Architecture'],
  ['cs.CC', 'Computational Complexity'],
  ['cs.CE', 'Computational Engineering, Finance, and Science'],
  ['cs.CG', 'Computational Geometry'],
  ['cs.CL', 'Computation and Language'],
  ['cs.CR', 'Cryptography and Security'],
  ['cs.CV', 'Computer Vision and Pattern Recognition'],
  ['cs.CY', 'Computers and Society'],
  ['cs.DB', 'Databases'],
  ['cs.DC', 'Distributed, Parallel, and Cluster Computing'],
  ['cs.DL', 'Digital Libraries'],
  ['cs.DM', 'Discrete Mathematics'],
  ['cs.DS', 'Data Structures and Algorithms'],
  ['cs.ET', 'Emerging Technologies'],
  ['cs.FL', 'Formal Languages and Automata Theory'],
  ['cs.GL', 'General Literature'],
  ['cs.GR', 'Graphics'],
  ['cs.GT', 'Computer Science and Game Theory'],
  ['cs.HC', 'Human-Computer Interaction'],
  ['cs.IR', 'Information Retrieval'],
  ['cs.IT', 'Information Theory'],
  ['cs.LG', 'Machine Learning'],
  ['cs.LO', 'Logic in Computer Science'],
  ['cs.MA', 'Multiagent Systems'],
  ['cs.MM', 'Multimedia'],
  ['cs.MS', 'Mathematical Software'],
  ['cs.NA', 'Numerical Analysis'],
  ['cs.NE', 'Neural and Evolutionary Computing'],
  ['cs.NI', 'Networking and Internet Architecture'],
  ['cs.OH', 'Other Computer Science'],
  ['cs.OS', 'Operating Systems'],
  ['cs.PF', 'Performance'],
  ['cs.PL', 'Programming Languages'],
  ['cs.RO', 'Robotics'],
  ['cs.SC', 'Symbolic Computation'],
  ['cs.SD', 'Sound'],
  ['cs.SE', 'Software Engineering'],
  ['cs.SI', 'Social and Information Networks'],
  ['cs.SY', 'Systems and Control'],
];

const ECONOMICS: readonly Row[] = [
  ['econ.EM', 'Econometrics'],
  ['econ.GN', 'General Economics'],
  ['econ.TH', 'Theoretical Economics'],
];

const EESS: readonly Row[] = [
  ['eess.AS', 'Audio and Speech Processing'],
  ['eess.IV', 'Image and Video Processing'],
  ['eess.SP', 'Signal Processing'],
  ['eess.SY', 'Systems and Control'],
];

const MATHEMATICS: readonly Row[] = [
  ['math.AC', 'Commutative Algebra'],
  ['math.AG', 'Algebraic Geometry'],
  ['math.AP', 'Analysis of PDEs'],
  ['math.AT', 'Algebraic Topology'],
  ['math.CA', 'Classical Analysis and ODEs'],
  ['math.CO', 'Combinatorics'],
  ['math.CT', 'Category Theory'],
  ['math.CV', 'Complex Variables'],
  ['math.DG', 'Differential Geometry'],
  ['math.DS', 'Dynamical Systems'],
  ['math.FA', 'Functional Analysis'],
  ['math.GM', 'General Mathematics'],
  ['math.GN', 'General Topology'],
  ['math.GR', 'Group Theory'],
  ['math.GT', 'Geometric Topology'],
  ['math.HO', 'History and Overview'],
  ['math.IT', 'Information Theory'],
  ['math.KT', 'K-Theory and Homology'],
  ['math.LO', 'Logic'],
  ['math.MG', 'Metric Geometry'],
  ['math.MP', 'Mathematical Physics'],
  ['math.NA', 'Numerical Analysis'],
  ['math.NT', 'Number Theory'],
  ['math.OA', 'Operator Algebras'],
  ['math.OC', 'Optimization and Control'],
  ['math.PR', 'Probability'],
  ['math.QA', 'Quantum Algebra'],
  ['math.RA', 'Rings and Algebras'],
  ['math.RT', 'Representation Theory'],
  ['math.SG', 'Symplectic Geometry'],
  ['math.SP', 'Spectral Theory'],
  ['math.ST', 'Statistics Theory'],
];

const PHYSICS: readonly Row[] = [
  ['astro-ph.CO', 'Cosmology and Nongalactic Astrophysics'],
  ['astro-ph.EP', 'Earth and Planetary Astrophysics'],
  ['astro-ph.GA', 'Astrophysics of Galaxies'],
  ['astro-ph.HE', 'High Energy Astrophysical Phenomena'],
  ['astro-ph.IM', 'Instrumentation and Methods for Astrophysics'],
  ['astro-ph.SR', 'Solar and Stellar Astrophysics'],
  ['cond-mat.dis-nn', 'Disordered Systems and Neural Networks'],
  ['cond-mat.mes-hall', 'Mesoscale and Nanoscale Physics'],
  ['cond-mat.mtrl-sci', 'Materials Science'],
  ['cond-mat.other', 'Other Condensed Matter'],
  ['cond-mat.quant-gas', 'Quantum Gases'],
  ['cond-mat.soft', 'Soft Condensed Matter'],
  ['cond-mat.stat-mech', 'Statistical Mechanics'],
  ['cond-mat.str-el', 'Strongly Correlated Electrons'],
  ['cond-mat.supr-con', 'Superconductivity'],
  ['gr-qc', 'General Relativity and Quantum Cosmology'],
  ['hep-ex', 'High Energy Physics - Experiment'],
  ['hep-lat', 'High Energy Physics - Lattice'],
  ['hep-ph', 'High Energy Physics - Phenomenology'],
  ['hep-th', 'High Energy Physics - Theory'],
  ['math-ph', 'Mathematical Physics'],
  ['nlin.AO', 'Adaptation and Self-Organizing Systems'],
  ['nlin.CD', 'Chaotic Dynamics'],
  ['nlin.CG', 'Cellular Automata and Lattice Gases'],
  ['nlin.PS', 'Pattern Formation and Solitons'],
  ['nlin.SI', 'Exactly Solvable and Integrable Systems'],
  ['nucl-ex', 'Nuclear Experiment'],
  ['nucl-th', 'Nuclear Theory'],
  ['physics.acc-ph', 'Accelerator Physics'],
  ['physics.ao-ph', 'Atmospheric and Oceanic Physics'],
  ['physics.app-ph', 'Applied Physics'],
  ['physics.atm-clus', 'Atomic and Molecular Clusters'],
  ['physics.atom-ph', 'Atomic Physics'],
  ['physics.bio-ph', 'Biological Physics'],
  ['physics.chem-ph', 'Chemical Physics'],
  ['physics.class-ph', 'Classical Physics'],
  ['physics.comp-ph', 'Computational Physics'],
  ['physics.data-an', 'Data Analysis, Statistics and Probability'],
  ['physics.ed-ph', 'Physics Education'],
  ['physics.flu-dyn', 'Fluid Dynamics'],
  ['physics.gen-ph', 'General Physics'],
  ['physics.geo-ph', 'Geophysics'],
  ['physics.hist-ph', 'History and Philosophy of Physics'],
  ['physics.ins-det', 'Instrumentation and Detectors'],
  ['physics.med-ph', 'Medical Physics'],
  ['physics.optics', 'Optics'],
  ['physics.plasm-ph', 'Plasma Physics'],
  ['physics.pop-ph', 'Popular Physics'],
  ['physics.soc-ph', 'Physics and Society'],
  ['physics.space-ph', 'Space Physics'],
  ['quant-ph', 'Quantum Physics'],
];

const QUANTITATIVE_BIOLOGY: readonly Row[] = [
  ['q-bio.BM', 'Biomolecules'],
  ['q-bio.CB', 'Cell Behavior'],
  ['q-bio.GN', 'Genomics'],
  ['q-bio.MN', 'Molecular Networks'],
  ['q-bio.NC', 'Neurons and Cognition'],
  ['q-bio.OT', 'Other Quantitative Biology'],
  ['q-bio.PE', 'Populations and Evolution'],
  ['q-bio.QM', 'Quantitative Methods'],
  ['q-bio.SC', 'Subcellular Processes'],
  ['q-bio.TO', 'Tissues and Organs'],
];

const QUANTITATIVE_FINANCE: readonly Row[] = [
  ['q-fin.CP', 'Computational Finance'],
  ['q-fin.EC', 'Economics'],
  ['q-fin.GN', 'General Finance'],
  ['q-fin.MF', 'Mathematical Finance'],
  ['q-fin.PM', 'Portfolio Management'],
  ['q-fin.PR', 'Pricing of Securities'],
  ['q-fin.RM', 'Risk Management'],
  ['q-fin.ST', 'Statistical Finance'],
  ['q-fin.TR', 'Trading and Market Microstructure'],
];

const STATISTICS: readonly Row[] = [
  ['stat.AP', 'Applications'],
  ['stat.CO', 'Computation'],
  ['stat.ME', 'Methodology'],
  ['stat.ML', 'Machine Learning'],
  ['stat.OT', 'Other Statistics'],
  ['stat.TH', 'Statistics Theory'],
];

/**
 * Categories that no longer take submissions but still label old papers: whole archives used as
 * categories before subject classes existed (astro-ph until 2008-12, cond-mat until 2004-01,
 * q-bio as a cross-list until 2003-08), and the archives of the 1990s that arXiv folded into
 * today's categories (chao-dyn into nlin.CD, alg-geom into math.AG, ...).
 */
const LEGACY: readonly (readonly [id: string, name: string, group: CategoryGroup])[] = [
  ['acc-phys', 'Accelerator Physics', 'Physics'],
  ['adap-org', 'Adaptation, Noise, and Self-Organizing Systems', 'Physics'],
  ['alg-geom', 'Algebraic Geometry', 'Mathematics'],
  ['ao-sci', 'Atmospheric-Oceanic Sciences', 'Physics'],
  ['astro-ph', 'Astrophysics', 'Physics'],
  ['atom-ph', 'Atomic, Molecular and Optical Physics', 'Physics'],
  ['bayes-an', 'Bayesian Analysis', 'Physics'],
  ['chao-dyn', 'Chaotic Dynamics', 'Physics'],
  ['chem-ph', 'Chemical Physics', 'Physics'],
  ['cmp-lg', 'Computation and Language', 'Computer Science'],
  ['comp-gas', 'Cellular Automata and Lattice Gases', 'Physics'],
  ['cond-mat', 'Condensed Matter', 'Physics'],
  ['dg-ga', 'Differential Geometry', 'Mathematics'],
  ['funct-an', 'Functional Analysis', 'Mathematics'],
  ['mtrl-th', 'Materials Theory', 'Physics'],
  ['patt-sol', 'Pattern Formation and Solitons', 'Physics'],
  ['plasm-ph', 'Plasma Physics', 'Physics'],
  ['q-alg', 'Quantum Algebra and Topology', 'Mathematics'],
  ['q-bio', 'Quantitative Biology', 'Quantitative Biology'],
  ['solv-int', 'Exactly Solvable and Integrable Systems', 'Physics'],
  ['supr-con', 'Superconductivity', 'Physics'],
];

function inGroup(group: CategoryGroup, rows: readonly Row[]): ArxivCategory[] {
  return rows.map(([id, name]) => ({ id, name, group }));
}

/** Every category arXiv accepts submissions in today, in the order of arXiv's taxonomy page. */
export const CATEGORIES: ReadonlyArray<ArxivCategory> = Object.freeze([
  ...inGroup('Computer Science', COMPUTER_SCIENCE),
  ...inGroup('Economics', ECONOMICS),
  ...inGroup('Electrical Engineering and Systems Science', EESS),
  ...inGroup('Mathematics', MATHEMATICS),
  ...inGroup('Physics', PHYSICS),
  ...inGroup('Quantitative Biology', QUANTITATIVE_BIOLOGY),
  ...inGroup('Quantitative Finance', QUANTITATIVE_FINANCE),
  ...inGroup('Statistics', STATISTICS),
]);

/** Retired categories: known by name (old papers carry them) but not offered in the picker. */
export const LEGACY_CATEGORIES: ReadonlyArray<ArxivCategory> = Object.freeze(
  LEGACY.map(([id, name, group]) => ({ id, name, group })),
);

const BY_ID: ReadonlyMap<string, ArxivCategory> = new Map(
  [...CATEGORIES, ...LEGACY_CATEGORIES].map((category) => [category.id, category]),
);

/** arXiv's name for a category id ('cs.CL' → 'Computation and Language'); ids are case-sensitive. */
export function categoryName(id: string): string | undefined {
  return BY_ID.get(id)?.name;
}

const BY_LOWER_ID: ReadonlyMap<string, ArxivCategory> = new Map([...BY_ID.values()].map((category) => [category.id.toLowerCase(), category]));

/** The category with this id in any case ('CS.dc' → cs.DC), current or retired. */
export function categoryById(id: string): ArxivCategory | undefined {
  return BY_LOWER_ID.get(id.toLowerCase());
}

/** True for any category arXiv has ever used, current or retired. */
export function isKnownCategory(id: string): boolean {
  return BY_ID.has(id);
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

function idRank(category: ArxivCategory, query: string): number | null {
  const id = category.id.toLowerCase();
  if (id === query) return 0;
  if (id.startsWith(query)) return 1;
  // 'lg' or 'ml' finds cs.LG and stat.ML: people say the subject code on its own.
  const subject = id.slice(id.indexOf('.') + 1);
  if (id.includes('.') && subject.startsWith(query)) return 2;
  return null;
}

function nameMatches(category: ArxivCategory, queryWords: string[]): boolean {
  if (queryWords.length === 0) return false;
  const nameWords = words(category.name);
  return queryWords.every((q) => nameWords.some((word) => word.startsWith(q)));
}

/**
 * Categories for a picker: the query matches the start of an id ('cs.c', 'hep'), the subject
 * code alone ('lg'), or the start of every word typed against the words of the name
 * ('mach learn'). Case-insensitive. Id matches come first, then name matches, each in taxonomy
 * order. An empty query lists the taxonomy from the top. Retired categories are not offered.
 */
export function searchCategories(query: string, limit = 20): ArxivCategory[] {
  const q = query.trim().toLowerCase();
  if (limit <= 0) return [];
  if (q === '') return CATEGORIES.slice(0, limit);
  const queryWords = words(q);
  const ranked: { category: ArxivCategory; rank: number; order: number }[] = [];
  CATEGORIES.forEach((category, order) => {
    const rank = idRank(category, q) ?? (nameMatches(category, queryWords) ? 3 : null);
    if (rank !== null) ranked.push({ category, rank, order });
  });
  ranked.sort((a, b) => a.rank - b.rank || a.order - b.order);
  return ranked.slice(0, limit).map((entry) => entry.category);
}
