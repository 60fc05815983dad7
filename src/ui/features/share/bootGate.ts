let open: () => void = () => {};
const booted = new Promise<void>((resolve) => {
  open = resolve;
});

/** Resolves once the page's first workspace is up; a shared link waits for it before opening. */
export function whenBooted(): Promise<void> {
  return booted;
}

/** Called by the boot once the first workspace is restored. */
export function markBooted(): void {
  open();
}
