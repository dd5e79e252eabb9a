import type { MenuItemConstructorOptions } from 'electron';

/** `devTools`: only in development (an unpackaged app); a user's window has no way into the page's insides. */
export function menuTemplate(actions: { openLog: () => void; navigate: (hash: string) => void }, devTools = false): MenuItemConstructorOptions[] {
  const mac = process.platform === 'darwin';
  return [
    ...(mac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Import Log…', accelerator: 'CmdOrCtrl+O', click: actions.openLog },
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { label: 'Runs', accelerator: 'CmdOrCtrl+1', click: () => actions.navigate('#/runs') },
        { label: 'Designer', accelerator: 'CmdOrCtrl+2', click: () => actions.navigate('#/designer') },
        { label: 'Compare', accelerator: 'CmdOrCtrl+3', click: () => actions.navigate('#/compare') },
        { type: 'separator' },
        { role: 'reload' },
        ...(devTools ? [{ role: 'toggleDevTools' as const }] : []),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ];
}
