import '../../assets/styles/base.css';
import '../../components/common/common.css';
import '../../components/paper-card/paper-card.css';
import '../../components/popup/popup.css';
import { render } from 'preact';
import { defaultServices } from '../../components/common/default-services';
import { initialScreen } from '../../components/common/initial-screen';
import { holdData, loadData, releaseDataAfterPaint } from '../../components/common/load-data';
import { ServicesContext } from '../../components/common/services';
import { startTheme } from '../../components/common/theme';
import { ToastProvider } from '../../components/common/toast';
import { POPUP_FIRST_SCREEN_KEY, PopupApp } from '../../components/popup/popup-app';
import { readFeedOrder } from '../../lib/ui/feed-order';

// As on the new tab: first frame from the cache or straight from IndexedDB, Dexie after it.
holdData();
void loadData();
const services = defaultServices();
startTheme(document.documentElement, services.storage);
void initialScreen(services.storage, POPUP_FIRST_SCREEN_KEY, { unread: true, order: readFeedOrder(services.storage) }).then((initial) => {
  render(
    <ServicesContext.Provider value={services}>
      <ToastProvider>
        <PopupApp initial={initial} />
      </ToastProvider>
    </ServicesContext.Provider>,
    document.getElementById('app') as HTMLElement,
  );
  releaseDataAfterPaint();
});
