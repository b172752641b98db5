import '../../assets/styles/base.css';
import '../../components/common/common.css';
import '../../components/paper-card/paper-card.css';
import '../../components/popup/popup.css';
import { render } from 'preact';
import { defaultServices } from '../../components/common/default-services';
import { loadData } from '../../components/common/load-data';
import { ServicesContext } from '../../components/common/services';
import { startTheme } from '../../components/common/theme';
import { ToastProvider } from '../../components/common/toast';
import { POPUP_FIRST_SCREEN_KEY, PopupApp } from '../../components/popup/popup-app';
import { readFirstScreen } from '../../lib/ui/first-screen';

void loadData();
const services = defaultServices();
startTheme(document.documentElement, services.storage);
render(
  <ServicesContext.Provider value={services}>
    <ToastProvider>
      <PopupApp initial={readFirstScreen(services.storage, POPUP_FIRST_SCREEN_KEY)} />
    </ToastProvider>
  </ServicesContext.Provider>,
  document.getElementById('app') as HTMLElement,
);
