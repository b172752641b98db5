import { render } from 'preact';
import '../../assets/styles/base.css';
import '../../components/options/options.css';
import '../../components/options/subscription-form.css';
import '../../components/options/subscription-list.css';
import '../../components/options/data-sections.css';
import { OptionsApp } from '../../components/options/options-app';
import { wakeBackgroundOnUserEdits } from '../../components/common/wake-background';
import { sendMessage } from '../../lib/messaging';

wakeBackgroundOnUserEdits(sendMessage);
render(<OptionsApp />, document.getElementById('app') as HTMLElement);
