// markdownlint-cli2 ships JavaScript with JSDoc only; this is the part of main() the lint test uses.
declare module 'markdownlint-cli2' {
  export interface MainParams {
    argv?: string[];
    directory?: string;
    nonFileContents?: Record<string, string>;
    optionsOverride?: { config?: Record<string, unknown> };
    logMessage?: (message: string) => void;
    logError?: (message: string) => void;
  }
  export function main(params: MainParams): Promise<number>;
}
