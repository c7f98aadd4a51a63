/**
 * The strip under an answer that takes image files: dropped on it, or chosen with the picker (for
 * those who do not drag). Pasting a screenshot goes into the answer editor itself.
 */
import { useRef, useState, type DragEvent } from 'react';
import { carriesFiles, filesOf } from '../model/figureFiles';

export interface FigureDropZoneProps {
  readonly number: number;
  /** What is running ("Adding 2 images…"), or null. */
  readonly busy: string | null;
  readonly onFiles: (files: File[]) => void;
}

export function FigureDropZone({ number, busy, onFiles }: FigureDropZoneProps) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  const onDragOver = (event: DragEvent<HTMLDivElement>) => {
    if (!carriesFiles(event.dataTransfer)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setOver(true);
  };

  return (
    <div
      className={`figure-drop${over ? ' figure-drop--over' : ''}${busy ? ' figure-drop--busy' : ''}`}
      data-testid={`figure-drop-${number}`}
      // The app's window-wide drop (open a dropped folder) leaves this element alone.
      data-accepts-files=""
      aria-busy={busy ? 'true' : undefined}
      title="Images go to the report's figures/ folder. PNG and JPEG are copied; WebP, GIF, BMP, TIFF, AVIF and SVG become PNG."
      onDragEnter={onDragOver}
      onDragOver={onDragOver}
      onDragLeave={(event) => {
        if (!(event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget))) setOver(false);
      }}
      onDrop={(event) => {
        setOver(false);
        const files = filesOf(event.dataTransfer.files);
        if (files.length === 0) return;
        event.preventDefault();
        onFiles(files);
      }}
    >
      <span className="figure-drop-text">{busy ?? 'Drop images here, or paste a screenshot into the answer'}</span>
      <button
        type="button"
        data-testid={`figure-pick-${number}`}
        disabled={busy !== null}
        onClick={() => input.current?.click()}
      >
        Add images…
      </button>
      <input
        ref={input}
        type="file"
        multiple
        accept="image/*"
        hidden
        tabIndex={-1}
        aria-hidden="true"
        data-testid={`figure-pick-input-${number}`}
        onChange={(event) => {
          const files = filesOf(event.currentTarget.files);
          // Cleared so the same file can be picked again.
          event.currentTarget.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
    </div>
  );
}
