/**
 * Hostile arXiv pages, beyond those in test/unit/content/: addresses and links that try to
 * name a paper through path tricks or other hosts, and look-alike Save buttons a page plants.
 * Links and buttons are planted in the real recent-listing capture by the test.
 */
export type PageCase =
  | { name: string; kind: 'address'; url: string }
  | { name: string; kind: 'link'; href: string }
  | { name: string; kind: 'planted'; plant: (doc: Document) => Element };

function plantedButton(doc: Document, id: string, pressed = 'true'): HTMLButtonElement {
  const button = doc.createElement('button');
  button.setAttribute('data-paper-radar-save', '');
  button.setAttribute('data-arxiv-id', id);
  button.setAttribute('aria-pressed', pressed);
  button.textContent = 'Save';
  return button;
}

/** Where the first listing entry's own links are: planted controls go there. */
const firstEntry = (doc: Document) => doc.querySelector('dl dt')!;

export const pageCases: PageCase[] = [
  // Addresses: a page that only pretends to be about a paper gets no control.
  { name: 'an abs address climbing out with ../', kind: 'address', url: 'https://arxiv.org/abs/../../etc/passwd' },
  { name: 'an abs address with an encoded traversal', kind: 'address', url: 'https://arxiv.org/abs/..%2F..%2Fetc%2Fpasswd' },
  { name: 'a real id followed by an encoded traversal', kind: 'address', url: 'https://arxiv.org/abs/1706.03762/..%2F..%2Fetc%2Fpasswd' },
  { name: 'a real id with an encoded slash glued on', kind: 'address', url: 'https://arxiv.org/abs/1706.03762%2F..%2F..' },
  { name: 'an html paper address climbing out', kind: 'address', url: 'https://arxiv.org/html/1706.03762v7/%2e%2e/%2e%2e/secret.html' },
  { name: 'a look-alike host', kind: 'address', url: 'https://arxiv.org.evil.example/abs/1706.03762' },
  { name: 'arxiv.org as the user part of another host', kind: 'address', url: 'https://arxiv.org@evil.example/abs/1706.03762' },
  // Links inside a listing entry: only a plain /abs/<id> link on arxiv.org names a paper.
  { name: 'a listing link with a traversal after the id', kind: 'link', href: '/abs/1706.03762/../../../etc/passwd' },
  { name: 'a listing link with backslashes', kind: 'link', href: '/abs/1706.03762\\..\\..\\x' },
  { name: 'a listing link with encoded dots', kind: 'link', href: 'https://arxiv.org/abs/%2e%2e/%2e%2e/etc' },
  { name: 'a protocol-relative link to a look-alike host', kind: 'link', href: '//arxiv.org.evil.example/abs/1706.03762' },
  { name: 'a javascript: link', kind: 'link', href: "javascript:location='https://arxiv.org/abs/1706.03762'" },
  { name: 'a data: link', kind: 'link', href: 'data:text/html,<a href="https://arxiv.org/abs/1706.03762">x</a>' },
  // Look-alike controls: never counted, never changed, never a reason to send anything.
  { name: 'a planted control naming a path', kind: 'planted', plant: (doc) => firstEntry(doc).appendChild(plantedButton(doc, '../../etc/passwd')) },
  {
    name: 'a planted control inside a shadow root the page made',
    kind: 'planted',
    plant: (doc) => {
      const host = doc.createElement('span');
      firstEntry(doc).append(host);
      return host.attachShadow({ mode: 'open' }).appendChild(plantedButton(doc, '1706.03762'));
    },
  },
  {
    name: 'a planted link dressed as a control',
    kind: 'planted',
    plant: (doc) => {
      const link = doc.createElement('a');
      link.setAttribute('data-paper-radar-save', '');
      link.setAttribute('data-arxiv-id', '1706.03762');
      link.setAttribute('href', 'javascript:void 0');
      link.textContent = 'Save';
      return firstEntry(doc).appendChild(link);
    },
  },
];
