// Redaction rules: regular expressions whose matches are replaced before terminal output is
// kept anywhere (recordings, pinned excerpts, logged commands). The screen itself is never
// redacted. The defaults cover AWS keys, bearer tokens and private key blocks; the user can
// add and remove rules in settings.
import { z } from 'zod';

function compiles(rule: { pattern: string; flags: string }): boolean {
  try {
    new RegExp(rule.pattern, rule.flags);
    return true;
  } catch {
    return false;
  }
}

export const RedactionRuleSchema = z
  .object({
    name: z.string().trim().min(1, 'Name the rule').max(80),
    pattern: z.string().min(1, 'The pattern is empty').max(2000),
    /** RegExp flags other than g and y (added as needed), e.g. "i". */
    flags: z.string().regex(/^[imsu]*$/, 'Flags may be i, m, s and u').default(''),
  })
  .refine(compiles, { message: 'The pattern is not a valid regular expression', path: ['pattern'] });
export type RedactionRule = z.infer<typeof RedactionRuleSchema>;

export const DEFAULT_REDACTION_RULES: readonly RedactionRule[] = [
  { name: 'AWS access key id', pattern: '\\b(?:AKIA|ASIA|AIDA|AROA|ANPA|ANVA|AGPA)[A-Z0-9]{16}\\b', flags: '' },
  {
    name: 'AWS secret access key',
    pattern: '(aws_secret_access_key|AWS_SECRET_ACCESS_KEY|SecretAccessKey)(["\\s:=]+)[A-Za-z0-9/+=]{40}',
    flags: '',
  },
  { name: 'Bearer token', pattern: '\\b[Bb]earer\\s+[A-Za-z0-9\\-._~+/]{8,}=*', flags: '' },
  {
    name: 'Private key block',
    pattern: '-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----[\\s\\S]*?-----END (?:[A-Z0-9]+ )*PRIVATE KEY-----',
    flags: '',
  },
];
