// The UI itself, loaded by main.ts once the runs list has been asked for.
import { mount } from 'svelte';
import App from './App.svelte';
import { initTheme } from './theme/theme.svelte';
import { loadAllViewSettings } from './lib/settings-store.svelte';
import { startPerfIfAsked } from './perf';

startPerfIfAsked();
initTheme();
loadAllViewSettings();

mount(App, { target: document.getElementById('app')! });
