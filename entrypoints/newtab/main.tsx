import '../../assets/styles/base.css';
import '../../components/common/common.css';
import '../../components/paper-card/paper-card.css';
import '../../components/digest/digest.css';
import { render } from 'preact';
import { defaultServices } from '../../components/common/default-services';
import { loadData } from '../../components/common/load-data';
import { ServicesContext } from '../../components/common/services';
import { startTheme } from '../../components/common/theme';
import { ToastProvider } from '../../components/common/toast';
import { DIGEST_FIRST_SCREEN_KEY, DigestApp } from '../../components/digest/digest-app';
import { defaultCardExtras } from '../../components/paper-card/default-card-extras';
import { extractKeyResult } from '../../lib/text/key-result';
import { readFirstScreen } from '../../lib/ui/first-screen';

// The database side starts loading at once; a page with a first-screen cache paints without it.
void loadData();
const services = defaultServices({ keyResult: extractKeyResult, cardExtras: defaultCardExtras() });
startTheme(document.documentElement, services.storage);
render(
  <ServicesContext.Provider value={services}>
    <ToastProvider>
      <DigestApp initial={readFirstScreen(services.storage, DIGEST_FIRST_SCREEN_KEY)} />
    </ToastProvider>
  </ServicesContext.Provider>,
  document.getElementById('app') as HTMLElement,
);
