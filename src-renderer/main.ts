import { mount } from 'svelte';
import App from './App.svelte';
import './styles.css';
import './theme/theme.css';
import { initTheme } from './theme/theme.svelte';
import { loadAllViewSettings } from './lib/settings-store.svelte';
import { startPerfIfAsked } from './perf';

startPerfIfAsked();
initTheme();
loadAllViewSettings();

mount(App, { target: document.getElementById('app')! });
