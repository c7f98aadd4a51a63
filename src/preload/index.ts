import { contextBridge } from 'electron';

// The renderer's only door to the backend. The typed contract in src/api (channel names, requests,
// responses, events) will fill this object in; keep this file a thin loop over that contract.
contextBridge.exposeInMainWorld('reportApi', {});
