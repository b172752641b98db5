// Letters that Unicode does not decompose into an ASCII letter plus accents, and punctuation
// that usually arrives by pasting from a PDF or a word processor.
const REPLACEMENTS: Record<string, string> = {
  ß: 'ss', ẞ: 'SS', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ø: 'o', Ø: 'O', ł: 'l', Ł: 'L',
  đ: 'd', Đ: 'D', ð: 'd', Ð: 'D', þ: 'th', Þ: 'Th', ı: 'i', ħ: 'h', Ħ: 'H', ŋ: 'ng', Ŋ: 'Ng',
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201C': '"', '\u201D': '"', '\u201E': '"',
  // A dash between words is searched like a hyphen; a space is what arXiv needs there.
  '\u2010': ' ', '\u2011': ' ', '\u2013': ' ', '\u2014': ' ', '\u2212': ' ',
  '\u00D7': 'x', '\u2026': '...',
  α: 'alpha', β: 'beta', γ: 'gamma', δ: 'delta', ε: 'epsilon', ϵ: 'epsilon', ζ: 'zeta', η: 'eta',
  θ: 'theta', ϑ: 'theta', ι: 'iota', κ: 'kappa', λ: 'lambda', μ: 'mu', ν: 'nu', ξ: 'xi', π: 'pi',
  ρ: 'rho', σ: 'sigma', ς: 'sigma', τ: 'tau', υ: 'upsilon', φ: 'phi', ϕ: 'phi', χ: 'chi',
  ψ: 'psi', ω: 'omega', Γ: 'Gamma', Δ: 'Delta', Θ: 'Theta', Λ: 'Lambda', Ξ: 'Xi', Π: 'Pi',
  Σ: 'Sigma', Φ: 'Phi', Ψ: 'Psi', Ω: 'Omega',
};

/**
 * The closest plain-ASCII spelling, which is what arXiv's search accepts: "Schrödinger" →
 * "Schrodinger", "naïve" → "naive", "Gauß" → "Gauss", "ﬁnite" → "finite", "α" → "alpha".
 * Characters with no Latin spelling (e.g. CJK) are left out.
 */
export function asciiSuggestion(text: string): string {
  return text
    .normalize('NFKD') // splits accents off letters and unfolds ligatures such as "ﬁ"
    .replace(/\p{M}/gu, '')
    .replace(/[^\x00-\x7F]/g, (char) => REPLACEMENTS[char] ?? '')
    .replace(/ {2,}/g, ' ')
    .trim();
}
