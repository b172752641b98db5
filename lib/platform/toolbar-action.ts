import { browser } from 'wxt/browser';

/** The part of the toolbar button's API Paper Radar uses: the badge and the tooltip. */
export interface ToolbarAction {
  setBadgeText(details: { text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { color: string }): Promise<void>;
  setTitle(details: { title: string }): Promise<void>;
}

type ActionApis = { action?: ToolbarAction; browserAction?: ToolbarAction };

/**
 * The toolbar button: `action` in Manifest V3 (Chrome, Edge), `browserAction` in Manifest V2
 * (Firefox's build). Each browser exposes only its own, so the one present is the one to use.
 */
export function toolbarAction(api: ActionApis = browser as unknown as ActionApis): ToolbarAction {
  const action = api.action ?? api.browserAction;
  if (!action) throw new Error('This browser offers no toolbar button API.');
  return action;
}
