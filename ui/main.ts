import { mount } from 'svelte';
import './styles/theme.css';
import './styles/base.css';
import App from './App.svelte';
import { sqlJsPort } from '../labs/kit/sql-js-port';
import { documentCodec } from './platform/document-codec';
import { loadSqlJs } from './platform/sql-js';
import { choosePlatformPort } from './platform/choose-port';
import { Router } from './shell/router.svelte';
import { DocumentStore } from './state/document-store.svelte';
import { applyTheme, resolveTheme, SystemColorScheme } from './state/theme.svelte';

/** The performance mark set when the first screen is mounted. */
const FIRST_SCREEN_MARK = 'bdlab:first-screen';

// The page derives a lab's facts itself when it restores saved progress or shows a solution, so the SQL
// labs need sql.js here too; its code and wasm are fetched only when the first of those labs loads.
sqlJsPort.provide(loadSqlJs);

async function start(): Promise<void> {
  const target = document.getElementById('app');
  if (!target) throw new Error('Big Data Day Lab: the #app element is missing from index.html.');
  const port = choosePlatformPort(window, documentCodec);
  const store = await DocumentStore.load(port);
  const system = new SystemColorScheme(window);
  // Set the theme before the first paint so a dark-theme learner never sees a white flash.
  applyTheme(document.documentElement, resolveTheme(store.settings.theme, system.prefersDark));
  mount(App, { target, props: { store, router: new Router(window), system, port } });
  // The first screen is on the page (its controls work once this task ends); the load test reads the mark.
  performance.mark(FIRST_SCREEN_MARK);
}

start().catch((error: unknown) => {
  // Nothing else can show it: say what failed in the page itself rather than leave it blank.
  const message = error instanceof Error ? error.message : String(error);
  document.body.textContent = `Big Data Day Lab could not start: ${message}`;
  throw error;
});
