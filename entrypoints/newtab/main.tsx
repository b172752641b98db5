import '../../assets/styles/base.css';
import '../../components/common/common.css';
import '../../components/paper-card/paper-card.css';
import '../../components/paper-card/paper-row.css';
import '../../components/digest/digest.css';
import { render } from 'preact';
import { defaultServices } from '../../components/common/default-services';
import { initialScreen, keptKeyResults } from '../../components/common/initial-screen';
import { holdData, loadData, releaseDataAfterPaint } from '../../components/common/load-data';
import { ServicesContext } from '../../components/common/services';
import { startTheme } from '../../components/common/theme';
import { ToastProvider } from '../../components/common/toast';
import { wakeBackgroundOnUserEdits } from '../../components/common/wake-background';
import { DIGEST_FIRST_SCREEN_KEY, DigestApp } from '../../components/digest/digest-app';
import { parseHash } from '../../lib/ui/route';
import { defaultCardExtras } from '../../components/paper-card/default-card-extras';
import { findKeyResult } from '../../lib/text/key-result';
import { readFeedOrder } from '../../lib/ui/feed-order';

// The first frame is painted from the first-screen cache, or from the first cards read straight
// from IndexedDB; the database module (Dexie) loads after it.
holdData();
void loadData();
let keyResult = findKeyResult;
const services = defaultServices({ keyResult: (abstract) => keyResult(abstract), cardExtras: defaultCardExtras() });
startTheme(document.documentElement, services.storage);
wakeBackgroundOnUserEdits(services.send);
const { filter } = parseHash(window.location.hash);
void initialScreen(services.storage, DIGEST_FIRST_SCREEN_KEY, { feed: true, subscriptionId: filter, order: readFeedOrder(services.storage) }).then((initial) => {
  keyResult = keptKeyResults(findKeyResult, initial);
  render(
    <ServicesContext.Provider value={services}>
      <ToastProvider>
        <DigestApp initial={initial} />
      </ToastProvider>
    </ServicesContext.Provider>,
    document.getElementById('app') as HTMLElement,
  );
  releaseDataAfterPaint();
});
