/** A folder dropped anywhere that does not take files itself opens it; answers whether one is being dragged over. */
import { useEffect, useState } from 'react';

declare global {
  interface Window {
    /** Electron's preload: the path on disk of a dropped file or folder. */
    reportApiFilePath?: (file: File) => string;
  }
}

export function useFolderDrop(
  openPath: (path: string) => Promise<void>,
  showNotice: (text: string) => void,
  askForPath: () => void,
): boolean {
  const [dropActive, setDropActive] = useState(false);
  useEffect(() => {
    const takesFiles = (target: EventTarget | null) =>
      target instanceof Element && target.closest('[data-accepts-files]') !== null;
    const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
    const onDragOver = (event: DragEvent) => {
      if (!hasFiles(event) || takesFiles(event.target)) return;
      event.preventDefault();
      event.stopPropagation();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
      setDropActive(true);
    };
    const onDragLeave = (event: DragEvent) => {
      if (event.relatedTarget === null) setDropActive(false);
    };
    const onDrop = (event: DragEvent) => {
      setDropActive(false);
      if (!hasFiles(event) || takesFiles(event.target)) return;
      event.preventDefault();
      event.stopPropagation();
      const file = event.dataTransfer?.files[0];
      if (!file) return;
      const path = typeof window.reportApiFilePath === 'function' ? window.reportApiFilePath(file) : '';
      if (path) void openPath(path);
      else {
        showNotice(`The browser does not tell the app where "${file.name}" is on disk. Type its path instead.`);
        askForPath();
      }
    };
    window.addEventListener('dragover', onDragOver, true);
    window.addEventListener('dragleave', onDragLeave, true);
    window.addEventListener('drop', onDrop, true);
    return () => {
      window.removeEventListener('dragover', onDragOver, true);
      window.removeEventListener('dragleave', onDragLeave, true);
      window.removeEventListener('drop', onDrop, true);
    };
  }, [openPath, showNotice, askForPath]);
  return dropActive;
}
