import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { BackgroundApp } from '../../lib/background/app';
import { createContextMenu, paperFromMenuClick } from '../../lib/background/context-menu';
import { createHandlers } from '../../lib/background/handlers';
import { createMessageRouter } from '../../lib/messaging/router';
import { NEW_PAPERS_NOTIFICATION, digestUrl } from '../../lib/notify/notifications';
import { SAVED_CHANGES_NOTIFICATION, savedChangesUrl } from '../../lib/notify/saved-changes';

export default defineBackground(() => {
  const app = new BackgroundApp();
  const handlers = createHandlers(app);
  const route = createMessageRouter(handlers, browser.runtime.id, browser.runtime.getURL('/'));

  // Every listener is registered synchronously, before any await (MV3 may start the worker for any of them).
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
  browser.alarms.onAlarm.addListener((alarm) => void app.onAlarm(alarm.name));
  browser.runtime.onInstalled.addListener(({ reason }) => {
    void createContextMenu();
    // A first-time user lands on the digest, which explains itself and asks for a first keyword.
    if (reason === 'install') void browser.tabs.create({ url: digestUrl() });
  });
  // Listening is what wakes the worker at browser start; the wake itself runs app.start() below.
  browser.runtime.onStartup.addListener(() => undefined);
  browser.contextMenus.onClicked.addListener((info) => {
    const id = paperFromMenuClick(info.menuItemId, info.linkUrl);
    if (id) void handlers.savePaper({ id }, {});
  });
  browser.notifications.onClicked.addListener((notificationId) => {
    if (notificationId !== NEW_PAPERS_NOTIFICATION && notificationId !== SAVED_CHANGES_NOTIFICATION) return;
    void browser.notifications.clear(notificationId);
    void browser.tabs.create({ url: notificationId === SAVED_CHANGES_NOTIFICATION ? savedChangesUrl() : digestUrl() });
  });
  globalThis.addEventListener?.('online', () => void app.onOnline());
  // Another browser of the reader's synced (or this one's settings changed): merge.
  browser.storage.onChanged.addListener((changes, area) => app.browserSync.onChanged(changes, area));
  // What is written here (by the pages, or by this worker) goes to the reader's other browsers.
  app.watchWrites();

  void app.start();
});
