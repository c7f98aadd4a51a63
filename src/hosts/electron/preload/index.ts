/**
 * The renderer's only door to the host: the typed contract exposed as `window.reportApi`, a thin
 * loop over the channel and event lists. Nothing else of Electron or Node reaches the page.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { ipcChannel, type Channel, type EventName } from '../../../api/contract';
import { CHANNELS, EVENTS } from '../../../api/schemas';

const channels = new Set<string>(CHANNELS);
const events = new Set<string>(EVENTS);

contextBridge.exposeInMainWorld('reportApi', {
  invoke(channel: Channel, request: unknown) {
    if (!channels.has(channel)) return Promise.reject(new Error(`Unknown channel ${String(channel)}`));
    return ipcRenderer.invoke(ipcChannel(channel), request);
  },
  on(event: EventName, listener: (payload: unknown) => void) {
    if (!events.has(event)) throw new Error(`Unknown event ${String(event)}`);
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(ipcChannel(event), wrapped);
    return () => {
      ipcRenderer.removeListener(ipcChannel(event), wrapped);
    };
  },
});

// A folder or file dropped on the window: its path on disk (Electron no longer puts it on File).
contextBridge.exposeInMainWorld('reportApiFilePath', (file: File) => webUtils.getPathForFile(file));
