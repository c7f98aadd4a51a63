/**
 * One image an answer links: the picture itself (loaded from the report's folder through the
 * host's figure route), its file name, whether the checker counts it, and remove/rename.
 */
import { memo, useEffect, useState } from 'react';
import { figureUrl } from '../../api/contract';
import type { FigureLink } from '../../core/figures/figureLink';
import { useStore } from '../document/store';
import type { FigureController } from './figureController';
import { fileNameOf } from './figureText';

/** What the host's figure route serves; other formats are previewed by the service (as PNG). */
const ROUTE_EXTENSIONS: ReadonlySet<string> = new Set(['png', 'jpg', 'jpeg', 'gif', 'webp', 'svg', 'avif', 'bmp']);

/** Why a link is not (or not properly) an image for the checker or the graders. */
const NOTE: Partial<Record<FigureLink['kind'], string>> = {
  link: 'Not counted: the "!" is missing',
  code: 'In code: graders see the text',
  html: '<img> tag: not counted',
  reference: 'Reference style: not counted',
};

/** `checking`: waiting for the disk check to say the file is there. */
type LoadState = 'checking' | 'loading' | 'loaded' | 'missing';

export interface FigureThumbnailProps {
  readonly number: number;
  readonly link: FigureLink;
  readonly figures: FigureController;
  readonly onRemove: (target: string) => void;
  readonly onRename: (target: string) => void;
}

export const FigureThumbnail = memo(function FigureThumbnail({
  number,
  link,
  figures,
  onRemove,
  onRename,
}: FigureThumbnailProps) {
  const { target } = link;
  const path = target.path;
  const local = path !== null && !target.remote && !target.outside;
  const onDisk = useStore(figures.store, (s) =>
    !local || !s.disk?.checked.has(path) ? null : !s.disk.missing.has(path),
  );
  const [src, setSrc] = useState<string | null>(null);
  const [state, setState] = useState<LoadState>(local ? 'checking' : 'missing');

  // Nothing is requested before the disk check says the file is there.
  useEffect(() => {
    if (!local || onDisk === null) return;
    if (!onDisk) {
      setState('missing');
      return;
    }
    if (ROUTE_EXTENSIONS.has(target.extension)) {
      setSrc(figureUrl(figures.host, path));
      setState((s) => (s === 'loaded' ? s : 'loading'));
      return;
    }
    let live = true;
    figures.api
      .invoke('figureThumbnail', { target: path, size: 320 })
      .then(
        (thumb) => {
          if (!live) return;
          setSrc(thumb.dataUrl);
          setState('loading');
        },
        () => live && setState('missing'),
      );
    return () => {
      live = false;
    };
  }, [figures, local, onDisk, path, target.extension]);

  const shown = path ?? link.rawTarget;
  const placeholder = target.remote
    ? 'Web image: not in your repo'
    : target.outside
      ? 'Outside the report folder'
      : state === 'checking'
        ? ''
        : 'File not found';
  const note = NOTE[link.kind];
  const renamable = local && path.startsWith('figures/');

  return (
    <li
      className={`figure-thumb figure-thumb--${link.kind}`}
      data-testid={`figure-thumb-${number}`}
      data-link={shown}
      data-kind={link.kind}
      data-state={state}
    >
      <div className="figure-thumb-image">
        {src && state !== 'missing' ? (
          <img
            src={src}
            alt={link.alt || fileNameOf(shown)}
            loading="lazy"
            decoding="async"
            onLoad={() => setState('loaded')}
            onError={() => setState('missing')}
          />
        ) : (
          <span className="figure-thumb-missing">{placeholder}</span>
        )}
      </div>
      <div className="figure-thumb-name" title={shown}>
        {fileNameOf(shown)}
      </div>
      {note && <div className="figure-thumb-note">{note}</div>}
      <div className="figure-thumb-actions">
        {renamable && (
          <button
            type="button"
            className="link-button"
            data-testid="figure-rename"
            onClick={() => onRename(path)}
            title={`Rename ${path} and update every link to it`}
          >
            Rename
          </button>
        )}
        {path !== null && (
          <button
            type="button"
            className="link-button"
            data-testid="figure-remove"
            onClick={() => onRemove(path)}
            title="Remove this image from the answer"
          >
            Remove
          </button>
        )}
      </div>
    </li>
  );
});
