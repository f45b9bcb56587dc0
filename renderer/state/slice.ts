// What a slice of the per-incident store sees of it: its own part of the state, read and set.
// A slice never sees the others' fields, so each one is built and tested on its own store too.

export interface SliceApi<S> {
  get(): S;
  set(partial: Partial<S>): void;
}
