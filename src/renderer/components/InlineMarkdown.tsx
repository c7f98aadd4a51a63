/**
 * A prompt, example or checklist item with its markdown shown as it reads on GitHub: code as code,
 * emphasis, and links that open in the browser (the course's own figure for `figures/x.png`).
 * Built from elements only, so no text from the file is ever run as HTML.
 */
import { memo, useMemo, type ReactNode } from 'react';
import { parseInline, type InlineNode } from '../model/inlineMarkdown';

function render(nodes: readonly InlineNode[]): ReactNode[] {
  return nodes.map((node, i) => {
    switch (node.kind) {
      case 'text':
        return node.text;
      case 'code':
        return <code key={i}>{node.text}</code>;
      case 'strong':
        return <strong key={i}>{render(node.children)}</strong>;
      case 'em':
        return <em key={i}>{render(node.children)}</em>;
      case 'link':
        return node.href ? (
          // A new tab in the browser host; Electron hands any window it would open to the system browser.
          <a key={i} href={node.href} target="_blank" rel="noopener noreferrer" title={node.href}>
            {render(node.children)}
          </a>
        ) : (
          <span key={i}>{render(node.children)}</span>
        );
    }
  });
}

export const InlineMarkdown = memo(function InlineMarkdown({ text }: { text: string }) {
  const nodes = useMemo(() => parseInline(text), [text]);
  return <>{render(nodes)}</>;
});
