import { describe, expect, it } from 'vitest';
import { formatRunbookErrors, MAX_RUNBOOK_CHARS, MAX_RUNBOOK_NESTING, parseRunbook } from '../parseRunbook';

function errorsOf(markdown: string): { line: number; message: string }[] {
  const result = parseRunbook(markdown, 'test.md');
  if (result.ok) throw new Error('expected the template to be rejected');
  return result.errors;
}

describe('parseRunbook: good templates', () => {
  it('reads the title, sections and items with their markers', () => {
    const md = [
      '# Database failover',
      '',
      'Intro paragraph.',
      '',
      '- a plain note before any section',
      '',
      '## Fence',
      '',
      '- [ ] Stop writes (owner: operations lead)',
      '- [ ] Sever replication link (confirm)',
      '- [ ] Both markers (confirm) (owner: commander)',
      '- [ ] Other order (owner: scribe) (confirm)',
      '',
      '### Verify',
      '1. [ ] Numbered item',
      '',
      '```',
      '- [ ] not an item, in code',
      '```',
    ].join('\n');
    const result = parseRunbook(md, 'database-failover.md');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.template.title).toBe('Database failover');
    expect(result.template.source).toBe('database-failover.md');
    expect(result.template.sections.map((s) => s.heading)).toEqual(['Fence', 'Verify']);
    expect(result.template.sections[0]?.items).toEqual([
      { text: 'Stop writes', needsConfirm: false, ownerRole: 'operations lead' },
      { text: 'Sever replication link', needsConfirm: true, ownerRole: null },
      { text: 'Both markers', needsConfirm: true, ownerRole: 'commander' },
      { text: 'Other order', needsConfirm: true, ownerRole: 'scribe' },
    ]);
    expect(result.template.sections[1]?.items).toEqual([{ text: 'Numbered item', needsConfirm: false, ownerRole: null }]);
  });

  it('joins an item wrapped over two lines and reads nested items with their own line', () => {
    const md = '# T\n## S\n- [ ] first part\n  second part\n  - [ ] nested step (confirm)\n';
    const result = parseRunbook(md, 'x.md');
    expect(result.ok && result.template.sections[0]?.items.map((i) => [i.text, i.needsConfirm])).toEqual([
      ['first part second part', false],
      ['nested step', true],
    ]);
  });

  it('accepts Windows line endings and drops sections with no items', () => {
    const result = parseRunbook('# T\r\n\r\n## Empty\r\n\r\nJust words.\r\n\r\n## S\r\n- [ ] go\r\n', 'x.md');
    expect(result.ok && result.template.sections).toEqual([{ heading: 'S', items: [{ text: 'go', needsConfirm: false, ownerRole: null }] }]);
  });
});

describe('parseRunbook: malformed templates name the line', () => {
  it('no title', () => {
    expect(errorsOf('## S\n- [ ] a\n')).toContainEqual({ line: 1, message: expect.stringContaining('no title') });
  });

  it('no items at all', () => {
    expect(errorsOf('# T\n\n## S\n\nWords only.\n')).toEqual([{ line: 1, message: expect.stringContaining('no items') }]);
  });

  it('item before any section heading', () => {
    expect(errorsOf('# T\n\n- [ ] early\n\n## S\n- [ ] fine\n')).toEqual([{ line: 3, message: expect.stringContaining('item before any section heading') }]);
  });

  it('empty item text, including one left with only markers', () => {
    expect(errorsOf('# T\n## S\n- [ ] ok\n- [ ]\n- [ ] (confirm)\n')).toEqual([
      { line: 4, message: expect.stringContaining('no text') },
      { line: 5, message: expect.stringContaining('no text') },
    ]);
  });

  it('a pre-ticked item', () => {
    expect(errorsOf('# T\n## S\n- [ ] ok\n- [x] already done\n')).toEqual([{ line: 4, message: expect.stringContaining('already ticked') }]);
  });

  it('a malformed owner marker', () => {
    expect(errorsOf('# T\n## S\n\n- [ ] step (owner:)\n- [ ] step two (owner:   )\n')).toEqual([
      { line: 4, message: expect.stringContaining('owner marker') },
      { line: 5, message: expect.stringContaining('owner marker') },
    ]);
  });

  it('a list item without [ ] inside a section', () => {
    expect(errorsOf('# T\n## S\n- [ ] ok\n- forgot the box\n')).toEqual([{ line: 4, message: expect.stringContaining('line 4 is a list item without [ ]') }]);
  });

  it('a section heading before the title, and a second title', () => {
    const errors = errorsOf('## Early\n# T\n## S\n- [ ] ok\n# Again\n');
    expect(errors.map((e) => e.line)).toEqual([1, 5]);
  });

  it('reports every error at once, in line order, and imports nothing', () => {
    const result = parseRunbook('# T\n- [ ] a\n## S\n- [x] b\n- c\n', 'bad.md');
    expect(result).toEqual({
      ok: false,
      errors: [
        { line: 2, message: expect.any(String) },
        { line: 4, message: expect.any(String) },
        { line: 5, message: expect.any(String) },
      ],
    });
  });

  it('refuses a file far too large to be a runbook', () => {
    expect(errorsOf(`# T\n## S\n- [ ] a\n${'x'.repeat(MAX_RUNBOOK_CHARS)}`)[0]?.message).toContain('larger than');
  });

  it.each([
    ['quotes holding lists', '> - '],
    ['numbered lists', '1. '],
    ['quotes', '>'],
  ])('refuses %s nested past the limit with the file and line, without overflowing the stack', (_label, marker) => {
    const md = `# T\n## S\n- [ ] fine\n${marker.repeat(49_000)}x\n`;
    const result = parseRunbook(md, 'deep.md');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(formatRunbookErrors('deep.md', result.errors)).toEqual([expect.stringMatching(new RegExp(`^deep\\.md:4: .*nested more than ${MAX_RUNBOOK_NESTING} deep`))]);
  });

  it('reads nesting up to the limit, and a "- - -" rule is not nesting', () => {
    const nested = `${'> '.repeat(MAX_RUNBOOK_NESTING - 1)}- note`;
    const rule = Array.from({ length: MAX_RUNBOOK_NESTING * 2 }, () => '-').join(' ');
    expect(parseRunbook(`# T\n\n${nested}\n\n${rule}\n\n## S\n- [ ] step\n`, 'ok.md').ok).toBe(true);
  });

  it('formats errors as file:line: reason', () => {
    expect(formatRunbookErrors('database-failover.md', [{ line: 14, message: 'item before any section heading' }])).toEqual([
      'database-failover.md:14: item before any section heading',
    ]);
  });
});
