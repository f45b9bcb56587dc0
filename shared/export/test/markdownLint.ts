// markdownlint-cli2 with its default rules (line length off), run on documents in memory:
// shared/ tests may not touch the file system.
import { main as markdownlint } from 'markdownlint-cli2';

const LINT_CONFIG = { default: true, MD013: false };

/** Lints documents (name → Markdown) and returns the errors; [] when all pass. */
export async function lintMarkdown(documents: Record<string, string>): Promise<string[]> {
  const errors: string[] = [];
  const exitCode = await markdownlint({
    argv: [],
    nonFileContents: documents,
    optionsOverride: { config: LINT_CONFIG },
    logMessage: () => undefined,
    logError: (message: string) => errors.push(message),
  });
  if (exitCode !== 0 && errors.length === 0) errors.push(`markdownlint exited with ${exitCode}`);
  return errors;
}
