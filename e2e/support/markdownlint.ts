// Lints exported Markdown with markdownlint-cli2's default rules; only line length is off.
import { main as markdownlint } from 'markdownlint-cli2';

export async function lintMarkdownFile(file: string): Promise<string[]> {
  const problems: string[] = [];
  const code: number = await markdownlint({
    argv: [file],
    optionsOverride: { config: { default: true, MD013: false } },
    logMessage: () => {},
    logError: (line: string) => problems.push(line),
  });
  return code === 0 ? [] : problems.length > 0 ? problems : [`markdownlint exited with ${code}`];
}
