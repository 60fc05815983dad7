import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FILL_SLICE_CHARS, fillModel, sliceEnd } from "./fillModel";
import type { monaco } from "./setup";

/** A text model with the few calls fillModel makes: its text, its edits, its undo steps. */
function fakeModel(initial: string) {
  let text = initial;
  const log: string[] = [];
  const lines = () => text.split("\n");
  const offsetOf = (line: number, column: number) =>
    lines()
      .slice(0, line - 1)
      .reduce((n, l) => n + l.length + 1, 0) +
    column -
    1;
  const apply = (ops: { range: monaco.IRange; text: string }[]) => {
    for (const op of ops) {
      const from = offsetOf(op.range.startLineNumber, op.range.startColumn);
      const to = offsetOf(op.range.endLineNumber, op.range.endColumn);
      text = text.slice(0, from) + op.text + text.slice(to);
    }
  };
  const model = {
    getFullModelRange: () => {
      const l = lines();
      return {
        startLineNumber: 1,
        startColumn: 1,
        endLineNumber: l.length,
        endColumn: l.at(-1)!.length + 1,
      };
    },
    getLineCount: () => lines().length,
    getLineMaxColumn: (line: number) => lines()[line - 1]!.length + 1,
    pushStackElement: () => log.push("step"),
    pushEditOperations: (_: unknown, ops: { range: monaco.IRange; text: string }[]) => {
      log.push("undoable");
      apply(ops);
      return null;
    },
    applyEdits: (ops: { range: monaco.IRange; text: string }[]) => {
      log.push("edit");
      apply(ops);
    },
  };
  return { model: model as unknown as monaco.editor.ITextModel, text: () => text, log };
}

/** Tasks run when the test says, on a clock that moves `msPerEdit` per edit. */
function fakeTasks(msPerEdit: number) {
  let clock = 0;
  const waiting: (() => void)[] = [];
  return {
    now: () => clock,
    yieldTask: () => new Promise<void>((resolve) => waiting.push(resolve)),
    tick: () => {
      clock += msPerEdit;
    },
    /** Runs the next task; false when none waits. */
    async step(): Promise<boolean> {
      const next = waiting.shift();
      if (!next) return false;
      next();
      // Lets the task's own awaits run.
      for (let i = 0; i < 5; i++) await Promise.resolve();
      return true;
    },
  };
}

describe("fillModel", () => {
  it("puts any text in whole, in order, over several tasks, and says when done", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 40 }),
        fc.array(fc.constantFrom("a", "\n", "é", "x\r\n", "-- "), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 20 }),
        async (before, unit, lineLength) => {
          const chunk = unit.join("").repeat(lineLength);
          const text = chunk.repeat(Math.ceil((FILL_SLICE_CHARS * 2.5) / chunk.length));
          const fake = fakeModel(before);
          const tasks = fakeTasks(5);
          let done = 0;
          fillModel(fake.model, text, {
            edit: (apply) => {
              tasks.tick();
              apply();
            },
            done: () => done++,
            now: tasks.now,
            yieldTask: tasks.yieldTask,
          });
          // Nothing yet in the caller's task: its own work (the store's subscribers) is there.
          expect(fake.text()).toBe(before);
          let ran = 0;
          while (await tasks.step()) ran++;
          expect(fake.text()).toBe(text);
          expect(done).toBe(1);
          expect(ran).toBeGreaterThan(1);
          // Edits that keep no undo step of Monaco's: the step for the whole text is the caller's.
          expect(new Set(fake.log)).toEqual(new Set(["edit"]));
        },
      ),
      { seed: 17, numRuns: 60 },
    );
  });

  it("prepares a step per task, in order, before the first slice", async () => {
    const fake = fakeModel("kind: Service\n");
    const tasks = fakeTasks(1);
    const prepared: string[] = [];
    fillModel(fake.model, "a: b\n".repeat(FILL_SLICE_CHARS), {
      edit: (apply) => {
        tasks.tick();
        apply();
      },
      prepare: [
        () => prepared.push(`language after ${fake.log.length} edits`),
        () => prepared.push(`head after ${fake.log.length} edits`),
      ],
      done: () => {},
      now: tasks.now,
      yieldTask: tasks.yieldTask,
    });
    expect(prepared).toEqual([]);
    await tasks.step();
    expect(prepared).toEqual(["language after 0 edits"]);
    await tasks.step();
    expect(prepared).toEqual(["language after 0 edits", "head after 0 edits"]);
    expect(fake.text()).toBe("kind: Service\n");
    await tasks.step();
    expect(fake.log.length).toBeGreaterThan(0);
  });

  it("keeps a task's slices within its budget, and puts at least one in each task", async () => {
    const text = "line\n".repeat(FILL_SLICE_CHARS);
    const slow = fakeModel("");
    const slowTasks = fakeTasks(20);
    fillModel(slow.model, text, {
      edit: (apply) => {
        slowTasks.tick();
        apply();
      },
      done: () => {},
      now: slowTasks.now,
      yieldTask: slowTasks.yieldTask,
    });
    let tasks = 0;
    while (await slowTasks.step()) tasks++;
    const edits = slow.log.filter((e) => e !== "step").length;
    let slices = 0;
    for (let at = 0; at < text.length; at = sliceEnd(text, at)) slices++;
    // An edit takes more than the budget: one a task.
    expect(edits).toBe(slices);
    expect(tasks).toBe(slices);
  });

  it("stops where it is when cancelled, and never says done", async () => {
    const text = "a: b\n".repeat(FILL_SLICE_CHARS);
    const fake = fakeModel("kind: Service\n");
    const tasks = fakeTasks(10);
    let done = false;
    const fill = fillModel(fake.model, text, {
      edit: (apply) => {
        tasks.tick();
        apply();
      },
      done: () => {
        done = true;
      },
      now: tasks.now,
      yieldTask: tasks.yieldTask,
    });
    await tasks.step();
    const partial = fake.text();
    expect(text.startsWith(partial)).toBe(true);
    expect(partial.length).toBeLessThan(text.length);
    fill.cancel();
    while (await tasks.step());
    expect(fake.text()).toBe(partial);
    expect(done).toBe(false);
  });
});

describe("sliceEnd", () => {
  it("ends a slice after its last line end, or at its length when it has none", () => {
    const lines = "abc\n".repeat(FILL_SLICE_CHARS);
    const end = sliceEnd(lines, 0);
    expect(end).toBeLessThanOrEqual(FILL_SLICE_CHARS);
    expect(lines[end - 1]).toBe("\n");
    const oneLine = "x".repeat(FILL_SLICE_CHARS * 2);
    expect(sliceEnd(oneLine, 0)).toBe(FILL_SLICE_CHARS);
    expect(sliceEnd(oneLine, FILL_SLICE_CHARS + 5)).toBe(oneLine.length);
  });
});
