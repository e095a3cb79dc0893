import { useCallback, useEffect, useState } from 'preact/hooks';
import type { HighlightState } from '../../core/settings';
import { highlightsOn } from '../../core/settings-value';
import type { PopupDeps } from './deps';
import { messageOf } from './use-library';
import { Switch } from './Switch';

interface HeaderProps {
  deps: Pick<PopupDeps, 'settings' | 'getToggleShortcut'>;
  title: string;
  /** Hostname of the described page, '' when ClaimLens can't run there. */
  host: string;
  onError(message: string): void;
  /** After the reader changed a switch: the page turns highlights on or off in response. */
}

/** ClaimLens, which page this is about, and where highlights are on. */
export function Header({ deps, title, host, onError }: HeaderProps) {
  const [state, setState] = useState<HighlightState | null>(null);
  const [shortcut, setShortcut] = useState('');

  const readSettings = useCallback(async () => {
    try {
      setState(await deps.settings.getState(host));
    } catch (error) {
      onError(`Could not read highlight settings: ${messageOf(error)}`);
    }
  }, [deps.settings, host, onError]);

  useEffect(() => {
    void readSettings();
    return deps.settings.watch(() => void readSettings());
  }, [deps.settings, readSettings]);

  useEffect(() => {
    deps.getToggleShortcut().then(setShortcut, () => setShortcut(''));
  }, [deps]);

  const siteOn = state ? highlightsOn(state) : true;

  const setSite = async (on: boolean) => {
    if (!state) return;
    try {
      // An override equal to the global switch is no override: the site follows it again.
      await deps.settings.setSite(host, on === state.global ? null : on);
      await readSettings();
    } catch (error) {
      onError(`Could not save the setting: ${messageOf(error)}`);
    }
  };

  const setGlobal = async (on: boolean) => {
    try {
      await deps.settings.setGlobal(on);
      await readSettings();
    } catch (error) {
      onError(`Could not save the setting: ${messageOf(error)}`);
    }
  };

  return (
    <header class="header">
      <div class="header__brand">
        <span class="logo" aria-hidden="true">
          <svg viewBox="0 0 24 24" width="18" height="18">
            <circle cx="10.5" cy="10.5" r="6.5" fill="none" stroke="currentColor" stroke-width="2.4" />
            <path d="M15.5 15.5 21 21" stroke="currentColor" stroke-width="2.6" stroke-linecap="round" />
            <path d="M7.5 10.5h6" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
          </svg>
        </span>
        <h1 class="header__name">ClaimLens</h1>
      </div>
      <div class="header__page" data-testid="page-info">
        <p class="header__title" title={title} data-testid="page-title">
          {title || 'Untitled page'}
        </p>
        {host && (
          <p class="header__host" data-testid="page-host">
            {host}
          </p>
        )}
      </div>
      <div class="header__switches">
        <Switch
          label="Highlights on this site"
          checked={host ? siteOn : false}
          disabled={!host || !state}
          testId="switch-site"
          onChange={(on) => void setSite(on)}
        >
          {state?.site != null && <span class="hint hint--inline">site setting</span>}
        </Switch>
        <Switch
          label="Highlights everywhere"
          checked={state?.global ?? true}
          disabled={!state}
          testId="switch-global"
          onChange={(on) => void setGlobal(on)}
        >
          {shortcut && (
            <kbd class="shortcut" data-testid="toggle-shortcut" title="Keyboard shortcut">
              {shortcut}
            </kbd>
          )}
        </Switch>
      </div>
    </header>
  );
}
