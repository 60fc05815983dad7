/**
 * Gives the page's thread back until the next task: a message to itself, which runs at once (a
 * chain of timeouts is clamped to 4 ms each).
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
