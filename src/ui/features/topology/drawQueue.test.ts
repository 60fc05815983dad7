import { describe, expect, it } from "vitest";
import { createDrawQueue, type FrameScheduler } from "./drawQueue";

/** Frames that come when the test says, and a clock that moves only when a step says so. */
function fakeFrames() {
  let time = 0;
  let queued: { handle: number; run: () => void }[] = [];
  let handles = 0;
  const frames: FrameScheduler = {
    request(run) {
      queued.push({ handle: ++handles, run });
      return handles;
    },
    cancel(handle) {
      queued = queued.filter((q) => q.handle !== handle);
    },
    now: () => time,
  };
  return {
    frames,
    advance(ms: number) {
      time += ms;
    },
    /** Runs the frame callbacks queued now; returns how many ran. */
    frame(): number {
      const now = queued;
      queued = [];
      for (const q of now) q.run();
      return now.length;
    },
    queued: () => queued.length,
  };
}

describe("createDrawQueue", () => {
  it("runs a drawing that fits the budget at once, then calls done", () => {
    const f = fakeFrames();
    const q = createDrawQueue(f.frames, 10);
    const log: string[] = [];
    q.run(
      [1, 2, 3].map((i) => () => {
        log.push(`step ${i}`);
        f.advance(2);
      }),
      () => log.push("done"),
    );
    expect(log).toEqual(["step 1", "step 2", "step 3", "done"]);
    expect(f.queued()).toBe(0);
    expect(q.pending()).toBe(false);
  });

  it("runs steps while the budget lasts and the rest a frame's budget at a time, in order", () => {
    const f = fakeFrames();
    const q = createDrawQueue(f.frames, 10);
    const log: number[] = [];
    let done = 0;
    q.run(
      Array.from({ length: 10 }, (_, i) => () => {
        log.push(i);
        f.advance(4);
      }),
      () => done++,
    );
    // 4 and 8 ms are within 10; after the third step (12 ms) the frame's budget is spent.
    expect(log).toEqual([0, 1, 2]);
    expect(q.pending()).toBe(true);
    expect(f.frame()).toBe(1);
    expect(log).toEqual([0, 1, 2, 3, 4, 5]);
    f.frame();
    f.frame();
    expect(log).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(done).toBe(1);
    expect(q.pending()).toBe(false);
    expect(f.frame()).toBe(0);
  });

  it("runs one step per frame however long each takes", () => {
    const f = fakeFrames();
    const q = createDrawQueue(f.frames, 10);
    const log: number[] = [];
    q.run(
      [0, 1, 2].map((i) => () => {
        log.push(i);
        f.advance(50);
      }),
      () => log.push(-1),
    );
    expect(log).toEqual([0]);
    f.frame();
    expect(log).toEqual([0, 1]);
    f.frame();
    expect(log).toEqual([0, 1, 2, -1]);
  });

  it("drops what is left of a drawing when a new one starts: its done never runs", () => {
    const f = fakeFrames();
    const q = createDrawQueue(f.frames, 5);
    const log: string[] = [];
    const steps = (name: string) =>
      [0, 1, 2].map((i) => () => {
        log.push(`${name}${i}`);
        f.advance(5);
      });
    q.run(steps("a"), () => log.push("a done"));
    q.run(steps("b"), () => log.push("b done"));
    expect(f.queued()).toBe(1);
    f.frame();
    f.frame();
    expect(log).toEqual(["a0", "b0", "b1", "b2", "b done"]);
  });

  it("lets a step start a new drawing, which replaces the one running", () => {
    const f = fakeFrames();
    const q = createDrawQueue(f.frames, 100);
    const log: string[] = [];
    q.run(
      [
        () => log.push("a0"),
        () => q.run([() => log.push("b0")], () => log.push("b done")),
        () => log.push("a2"),
      ],
      () => log.push("a done"),
    );
    expect(log).toEqual(["a0", "b0", "b done"]);
    expect(f.queued()).toBe(0);
  });

  it("cancel drops the rest; an empty drawing is done at once", () => {
    const f = fakeFrames();
    const q = createDrawQueue(f.frames, 1);
    const log: string[] = [];
    q.run(
      [0, 1].map((i) => () => {
        log.push(`s${i}`);
        f.advance(1);
      }),
      () => log.push("done"),
    );
    q.cancel();
    expect(f.frame()).toBe(0);
    expect(log).toEqual(["s0"]);
    q.run([], () => log.push("empty done"));
    expect(log).toEqual(["s0", "empty done"]);
  });
  it("counts the caller's work since `since` against the budget now: none left, it starts at the next frame", () => {
    const f = fakeFrames();
    const q = createDrawQueue(f.frames, 10);
    const log: number[] = [];
    const steps = (n: number) =>
      Array.from({ length: n }, (_, i) => () => {
        log.push(i);
        f.advance(4);
      });
    // The caller's task already took 6 ms of the 10: one step (to 10 ms) fits now.
    f.advance(6);
    q.run(steps(4), () => log.push(-1), f.frames.now() - 6);
    expect(log).toEqual([0]);
    // 12 ms taken: nothing runs now, the next frame has a budget of its own.
    log.length = 0;
    f.advance(12);
    q.run(steps(4), () => log.push(-1), f.frames.now() - 12);
    expect(log).toEqual([]);
    expect(q.pending()).toBe(true);
    f.frame();
    expect(log).toEqual([0, 1, 2]);
    f.frame();
    expect(log).toEqual([0, 1, 2, 3, -1]);
  });
});
