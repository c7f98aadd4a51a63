/**
 * Folder completion for a path field: as the student types, the host lists the sub-folders of the
 * typed folder that start with the last part (see `listFolders`). Answers to older keystrokes are
 * dropped, so a slow listing never replaces a newer one.
 */
import { useEffect, useRef, useState } from 'react';
import type { FolderListing, ReportApi } from '../../api/contract';

/** Long enough to skip the listings between keystrokes of a typed word. */
const TYPING_PAUSE_MS = 120;

export interface PathCompletion {
  readonly listing: FolderListing | null;
  /** Asks again now (after a completion was taken, say). */
  refresh(path: string): void;
}

export function usePathCompletion(api: ReportApi, path: string, enabled: boolean): PathCompletion {
  const [listing, setListing] = useState<FolderListing | null>(null);
  const latest = useRef(0);

  const ask = (typed: string) => {
    const ticket = ++latest.current;
    api.invoke('listFolders', { path: typed }).then(
      (answer) => {
        if (ticket === latest.current) setListing(answer);
      },
      () => {
        if (ticket === latest.current) setListing(null);
      },
    );
  };

  useEffect(() => {
    if (!enabled) {
      // An answer still on its way is dropped; the last listing stays for when the field is back.
      latest.current++;
      return;
    }
    const timer = setTimeout(() => ask(path), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
    // `ask` only reads refs and the api
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, path, enabled]);

  return { listing, refresh: ask };
}
