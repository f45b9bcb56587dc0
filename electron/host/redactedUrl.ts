// Server URLs (PostgreSQL, Redis) as logs and errors may show them: with the password replaced.

export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return `${url.split(':')[0] ?? 'server'} URL (unparseable)`;
  }
}
