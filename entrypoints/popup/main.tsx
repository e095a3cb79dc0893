import { render } from 'preact';
import { Popup, type PopupTab } from '../../components/popup/Popup';
import '../../components/annotation-editor/editor.css';
import '../../components/popup/popup.css';
import { createBrowserDeps } from './deps';

const VIEWS: readonly PopupTab[] = ['claims', 'annotations', 'sources', 'data'];

async function start(): Promise<void> {
  const root = document.getElementById('app');
  if (!root) return;
  const view = new URLSearchParams(location.search).get('view');
  const initialTab = VIEWS.find((v) => v === view) ?? 'claims';
  render(<Popup deps={await createBrowserDeps(location.search)} initialTab={initialTab} />, root);
}

void start();
