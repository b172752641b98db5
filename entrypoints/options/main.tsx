import { render } from 'preact';
import '../../assets/styles/base.css';
import '../../components/options/options.css';
import { OptionsApp } from '../../components/options/options-app';

render(<OptionsApp />, document.getElementById('app') as HTMLElement);
