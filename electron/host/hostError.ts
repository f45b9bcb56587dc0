// An error the host reports to a client as-is: a machine code plus one sentence a person can act on.
export class HostError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}
