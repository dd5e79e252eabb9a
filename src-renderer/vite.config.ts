import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
// With its extension: Vite's native config loader does not resolve extensionless imports.
import { CONTENT_SECURITY_POLICY } from '../src-main/server/security.ts';

/**
 * The CSP as a <meta> too: browser mode also sends it as a header, but the Electron window loads
 * the page from file://, where response headers are not guaranteed. (frame-ancestors is
 * header-only, so it is left out of the meta.)
 */
function contentSecurityPolicyMeta(): Plugin {
  const content = CONTENT_SECURITY_POLICY.split('; ')
    .filter((d) => !d.startsWith('frame-ancestors'))
    .join('; ');
  return {
    name: 'lrscope-csp-meta',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content }, injectTo: 'head-prepend' }],
  };
}

/** The renderer bundle both shells load (scripts/build.mjs builds it once for both). */
export const rendererConfig: UserConfig = {
  root: fileURLToPath(new URL('.', import.meta.url)),
  // Relative asset URLs, so the bundle works from file:// (Electron) and http:// (browser mode).
  base: './',
  plugins: [svelte(), contentSecurityPolicyMeta()],
  build: {
    outDir: fileURLToPath(new URL('../out/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
  },
};

export default defineConfig(rendererConfig);
