// Light or dark: the system's setting by default, or the user's choice, kept in the database
// (the "app" view's settings) so both shells open the same way. The page's data-theme attribute
// switches the CSS variables (theme.css); charts read `theme.dark` to rebuild with readable colours.
import { loadViewSettings, setViewSetting, viewSetting } from '../lib/settings-store.svelte';

export type ThemeChoice = 'system' | 'light' | 'dark';

export const theme = $state({ choice: 'system' as ThemeChoice, dark: false });

const media = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;

function apply(): void {
  theme.dark = theme.choice === 'dark' || (theme.choice === 'system' && (media?.matches ?? false));
  document.documentElement.dataset.theme = theme.dark ? 'dark' : 'light';
}

export function initTheme(): void {
  apply();
  media?.addEventListener('change', apply);
  void loadViewSettings('app').then(() => {
    const t = viewSetting('app', 'theme');
    if (t === 'light' || t === 'dark' || t === 'system') {
      theme.choice = t;
      apply();
    }
  }); // unreadable: the system's setting
}

export function setTheme(choice: ThemeChoice): void {
  theme.choice = choice;
  apply();
  setViewSetting('app', 'theme', choice);
}
