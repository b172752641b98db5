/**
 * The Save control's stylesheet, inside each control's shadow root. `:host` rules are
 * `!important` because, between a page and a shadow tree, the page wins normal declarations
 * and the shadow tree wins important ones: arXiv's rules for `span` (or any page's) cannot hide
 * or restyle the host, and nothing here reaches the page. Font and text color are inherited
 * so the control reads like the links around it; the accent is arXiv's red, lightened on dark
 * pages where #b31b1b text would be too faint.
 */
export const CONTROL_CSS = `
:host {
  all: initial !important;
  display: inline !important;
  font-family: inherit !important;
  font-size: inherit !important;
  line-height: inherit !important;
  color: inherit !important;
  visibility: visible !important;
}
.root {
  --pr-accent: #b31b1b;
  --pr-fill: #b31b1b;
  --pr-on-fill: #ffffff;
  --pr-hover: rgba(179, 27, 27, 0.08);
  --pr-muted: #555555;
  display: inline;
}
.root[data-theme="dark"] {
  --pr-accent: #ff8a80;
  --pr-fill: #b31b1b;
  --pr-on-fill: #ffffff;
  --pr-hover: rgba(255, 138, 128, 0.14);
  --pr-muted: #bbbbbb;
}
.root.inline { margin-inline-start: 0.5em; }
.root.block { display: block; margin: 0.25em 0; }
button {
  all: unset;
  box-sizing: border-box;
  display: inline-block;
  /* As wide as the longest label in every state: the page can measure the host, so its size
     must not say whether the paper is saved. */
  inline-size: calc(var(--pr-label-ch) * 1ch + 3ch);
  overflow: hidden;
  text-align: center;
  text-overflow: ellipsis;
  vertical-align: baseline;
  padding: 0 0.5em;
  border: 1px solid var(--pr-accent);
  border-radius: 3px;
  font: inherit;
  font-size: 0.85em;
  line-height: 1.5;
  white-space: nowrap;
  color: var(--pr-accent);
  background: transparent;
  cursor: pointer;
}
button:hover { background: var(--pr-hover); }
button:focus-visible { outline: 2px solid var(--pr-accent); outline-offset: 1px; }
button[aria-pressed="true"] {
  color: var(--pr-on-fill);
  background: var(--pr-fill);
  border-color: var(--pr-fill);
}
button[aria-busy="true"] { cursor: progress; opacity: 0.8; }
/* Which paper the button is for, for screen readers only (listings have one per paper). */
.which {
  position: absolute;
  width: 1px;
  height: 1px;
  overflow: hidden;
  clip: rect(0 0 0 0);
  white-space: nowrap;
}
button[data-state="error"] {
  color: var(--pr-accent);
  background: transparent;
  border-style: dashed;
}
/* One line, always there, whatever it names (or nothing): its height says nothing to the page. */
.context {
  display: block;
  block-size: 1.5em;
  margin-top: 0.25em;
  overflow: hidden;
  font-size: 0.85em;
  line-height: 1.5;
  white-space: nowrap;
  text-overflow: ellipsis;
  color: var(--pr-muted);
}
@media (forced-colors: active) {
  button { border-color: ButtonText; color: ButtonText; }
  button[aria-pressed="true"] { background: Highlight; color: HighlightText; border-color: Highlight; }
}
`;
