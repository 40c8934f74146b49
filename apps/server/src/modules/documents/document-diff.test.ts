import { describe, expect, it } from 'vitest';
import { lineDiff } from './document-diff.js';

describe('line diff', () => {
  it('numbers the lines on both sides', () => {
    const d = lineDiff('# 政策\n存取控制\n密碼 8 碼\n', '# 政策\n存取控制\n密碼 12 碼\n多因子驗證\n');
    expect(d.added).toBe(2);
    expect(d.removed).toBe(1);
    expect(d.lines).toEqual([
      { kind: 'same', text: '# 政策', oldLine: 1, newLine: 1 },
      { kind: 'same', text: '存取控制', oldLine: 2, newLine: 2 },
      { kind: 'removed', text: '密碼 8 碼', oldLine: 3, newLine: null },
      { kind: 'added', text: '密碼 12 碼', oldLine: null, newLine: 3 },
      { kind: 'added', text: '多因子驗證', oldLine: null, newLine: 4 },
    ]);
  });

  it('ignores line-ending style and a missing final newline', () => {
    expect(lineDiff('a\r\nb', 'a\nb\n')).toMatchObject({ added: 0, removed: 0 });
  });

  it('diffs from and to empty text', () => {
    expect(lineDiff('', 'x\n')).toMatchObject({ added: 1, removed: 0 });
    expect(lineDiff('x\n', '')).toMatchObject({ added: 0, removed: 1 });
    expect(lineDiff('', '').lines).toEqual([]);
  });
});
