/** The rendered report's stylesheet (the export's too), put into the page once by any preview. */
import { useInsertionEffect } from 'react';
import { REPORT_CSS } from '../../core/render';

const STYLE_ID = 'report-preview-styles';

export function usePreviewStyles(): void {
  useInsertionEffect(() => {
    if (document.getElementById(STYLE_ID)) return;
    const style = document.createElement('style');
    style.id = STYLE_ID;
    style.textContent = REPORT_CSS;
    document.head.appendChild(style);
  }, []);
}
