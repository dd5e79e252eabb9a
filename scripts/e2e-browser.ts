// `npm run test:browser`, the first step of `npm test`: a Chromium for the end-to-end tests, found or
// installed, or one message saying what to install, before any test runs.
import { ensureChromium } from './browser/ensure-chromium';
import { aptInstall, isDebian, playwrightInstall, realHost, startsUp } from './browser/system';

const say = (line: string) => console.log(`lrscope e2e: ${line}`);

const result = ensureChromium({
  host: realHost(),
  installers: [playwrightInstall, aptInstall],
  noInstall: process.env.LRSCOPE_NO_INSTALL === '1',
  pretendNone: process.env.LRSCOPE_PRETEND_NO_BROWSER === '1',
  isDebian: isDebian(),
  say,
});

if (!result.found) {
  console.error(result.message);
  process.exit(1);
}
const { path, source } = result.found;
const started = startsUp(path);
if (!started.ok) {
  console.error(`lrscope e2e: ${path} (${source}) does not start: ${started.detail}`);
  console.error('  Point LRSCOPE_CHROMIUM at a Chromium, Chrome or Edge that starts, or install the missing libraries (`npx playwright install-deps chromium`).');
  process.exit(1);
}
say(`${result.installedBy ? `installed with ${result.installedBy}; ` : ''}using ${path} (${source}${started.detail ? `, ${started.detail}` : ''})`);
