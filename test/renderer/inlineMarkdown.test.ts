import { describe, expect, it } from 'vitest';
import { parseInline, promptLinkTarget } from '../../src/renderer/model/inlineMarkdown';

const text = (t: string) => ({ kind: 'text', text: t });

describe('the markdown of prompts and checklist items', () => {
  it("reads the 2026 template's figure link and leads it to the course's picture", () => {
    expect(parseInline('You can take inspiration from [this figure](figures/bucket.png).')).toEqual([
      text('You can take inspiration from '),
      {
        kind: 'link',
        href: 'https://raw.githubusercontent.com/SkafteNicki/dtu_mlops/main/reports/figures/bucket.png',
        children: [text('this figure')],
      },
      text('.'),
    ]);
  });

  it('shows code as code, and underscores inside names as they are', () => {
    expect(parseInline('Fill out the `data.py` file and `requirements_dev.txt`')).toEqual([
      text('Fill out the '),
      { kind: 'code', text: 'data.py' },
      text(' file and '),
      { kind: 'code', text: 'requirements_dev.txt' },
    ]);
    expect(parseInline('keep requirements_dev.txt and snake_case_names')).toEqual([
      text('keep requirements_dev.txt and snake_case_names'),
    ]);
    expect(parseInline('``a ` b``')).toEqual([{ kind: 'code', text: 'a ` b' }]);
  });

  it('reads emphasis and strong text, nested in links too', () => {
    expect(parseInline('*As seen in the image* and **this** and _that_')).toEqual([
      { kind: 'em', children: [text('As seen in the image')] },
      text(' and '),
      { kind: 'strong', children: [text('this')] },
      text(' and '),
      { kind: 'em', children: [text('that')] },
    ]);
    expect(parseInline('[the `train.py` file](https://example.com/t)')).toEqual([
      {
        kind: 'link',
        href: 'https://example.com/t',
        children: [text('the '), { kind: 'code', text: 'train.py' }, text(' file')],
      },
    ]);
  });

  it('leaves what is not markdown as text: lone stars, unclosed backticks, escapes, HTML', () => {
    expect(parseInline('2 * 3 * 4')).toEqual([text('2 * 3 * 4')]);
    expect(parseInline('a `b')).toEqual([text('a `b')]);
    expect(parseInline('\\*not em\\*')).toEqual([text('*not em*')]);
    expect(parseInline('<script>alert(1)</script>')).toEqual([text('<script>alert(1)</script>')]);
    expect(parseInline('[x] no link')).toEqual([text('[x] no link')]);
  });

  it('never links anywhere but the web', () => {
    expect(promptLinkTarget('javascript:alert(1)')).toBeNull();
    expect(promptLinkTarget('JavaScript:alert(1)')).toBeNull();
    expect(promptLinkTarget('file:///etc/passwd')).toBeNull();
    expect(promptLinkTarget('data:text/html,<b>x</b>')).toBeNull();
    expect(promptLinkTarget('//evil.example/x')).toBeNull();
    expect(promptLinkTarget('https://docs.github.com/x')).toBe('https://docs.github.com/x');
    expect(promptLinkTarget('report.py')).toBe('https://github.com/SkafteNicki/dtu_mlops/blob/main/reports/report.py');
    expect(parseInline('[click](javascript:alert(1))')[0]).toMatchObject({ kind: 'link', href: null });
  });
});
