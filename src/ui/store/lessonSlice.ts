import type { StateCreator } from "zustand";
import type { BurstResult } from "../../engine/net/burst";
import type { Trace } from "../../engine/net/types";
import type { GoalResult } from "../../lessons/goals";
import type { ChoiceWhere } from "../../lessons/predict";
import type { LessonPoint, PredictKind } from "../../lessons/types";
import type { AppState } from "./index";

/** A predict-then-observe question: the engine's trace is held back until the student checks. */
export interface PredictionState {
  /** `lessonId/stepId`: which step asked. */
  stepKey: string;
  kind: PredictKind;
  choices: string[];
  /** What the engine did (from the held-back trace). */
  answer: string;
  trace: Trace;
  /** For `chain`: each choice's stage and place. */
  where?: Record<string, ChoiceWhere>;
  picked: string | null;
  checked: boolean;
}

/** A challenge step's state: hints revealed so far, and the last check's results. */
export interface ChallengeState {
  stepKey: string;
  hints: number;
  results: GoalResult[] | null;
  checking: boolean;
}

export interface LessonSlice {
  /** The lesson being played (persisted), null when none was chosen. */
  lessonId: string | null;
  /** The step shown (persisted). */
  lessonStep: number;
  /**
   * The step the cluster was last brought to. -1: not yet (after a reload or
   * `openLesson`): the player replays up to `lessonStep` once the engine is up.
   * -2: a step failed; nothing replays until the student moves.
   */
  ranStep: number;
  /** A step is being run: navigation waits. */
  lessonRunning: boolean;
  presentation: boolean;
  /** Where leaving presentation mode goes: the lesson it was opened from, or the user's own work. */
  presentationFrom: "lesson" | "own";
  /** What the diagram should point at for the current step (the topology reads it). */
  pointAt: LessonPoint | null;
  prediction: PredictionState | null;
  /** The current step's burst, tallied by the engine. */
  lessonBurst: BurstResult | null;
  /** The terminal's line count when the current step started: its output is what follows. */
  stepLineStart: number;
  /** A step that failed to run (an engine error), shown in the player. */
  lessonError: string | null;
  challenge: ChallengeState | null;
  chooseLesson: (id: string | null) => void;
  /** Opens a lesson at a step (a shared link does this); the player brings the cluster there. */
  openLesson: (id: string, step: number) => void;
  setLessonStep: (index: number) => void;
  setRanStep: (index: number) => void;
  setLessonRunning: (running: boolean) => void;
  setPresentation: (on: boolean, from?: "lesson" | "own") => void;
  setPointAt: (point: LessonPoint | null) => void;
  setPrediction: (prediction: PredictionState | null) => void;
  setLessonBurst: (burst: BurstResult | null) => void;
  pickChoice: (choice: string) => void;
  /** Reveals the answer and hands the held-back trace to playback. */
  checkPrediction: () => void;
  /** Reveals the answer without a pick (a presenter asks the room, then moves on). */
  revealPrediction: () => void;
  setStepLineStart: (line: number) => void;
  setLessonError: (message: string | null) => void;
  setChallenge: (challenge: ChallengeState | null) => void;
  /** A workspace restored at a lesson step (already run in the engine), or none. */
  restoreLesson: (position: { id: string; step: number } | null) => void;
}

export const createLessonSlice: StateCreator<AppState, [], [], LessonSlice> = (set, get) => ({
  lessonId: null,
  lessonStep: 0,
  ranStep: -1,
  lessonRunning: false,
  presentation: false,
  presentationFrom: "own",
  pointAt: null,
  prediction: null,
  lessonBurst: null,
  stepLineStart: 0,
  lessonError: null,
  challenge: null,
  chooseLesson: (lessonId) =>
    set({
      lessonId,
      lessonStep: 0,
      ranStep: -1,
      lessonRunning: false,
      prediction: null,
      pointAt: null,
      lessonError: null,
      lessonBurst: null,
      challenge: null,
    }),
  openLesson: (lessonId, step) =>
    set({
      lessonId,
      lessonStep: Math.max(0, Math.floor(step)),
      ranStep: -1,
      prediction: null,
      pointAt: null,
      lessonError: null,
      lessonBurst: null,
      challenge: null,
    }),
  setLessonStep: (lessonStep) => set({ lessonStep }),
  setRanStep: (ranStep) => set({ ranStep }),
  setLessonRunning: (lessonRunning) => set({ lessonRunning }),
  setPresentation: (presentation, from) =>
    set(from ? { presentation, presentationFrom: from } : { presentation }),
  setPointAt: (pointAt) => set({ pointAt }),
  setPrediction: (prediction) => set({ prediction }),
  setLessonBurst: (lessonBurst) => set({ lessonBurst }),
  pickChoice: (choice) =>
    set((s) =>
      s.prediction && !s.prediction.checked ? { prediction: { ...s.prediction, picked: choice } } : {},
    ),
  checkPrediction: () => {
    const p = get().prediction;
    if (!p || p.picked === null || p.checked) return;
    set({ prediction: { ...p, checked: true } });
    get().setTrace(p.trace);
    get().setTraceEntry(-1);
  },
  revealPrediction: () => {
    const p = get().prediction;
    if (!p || p.checked) return;
    set({ prediction: { ...p, checked: true } });
    get().setTrace(p.trace);
    get().setTraceEntry(-1);
  },
  setStepLineStart: (stepLineStart) => set({ stepLineStart }),
  setLessonError: (lessonError) => set({ lessonError }),
  setChallenge: (challenge) => set({ challenge }),
  restoreLesson: (position) =>
    set({
      lessonId: position?.id ?? null,
      lessonStep: position?.step ?? 0,
      ranStep: position ? position.step : -1,
      lessonRunning: false,
      prediction: null,
      pointAt: null,
      lessonError: null,
      lessonBurst: null,
      challenge: null,
    }),
});
