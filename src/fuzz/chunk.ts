/** Cases generated per fast-check sample in a fuzz run: chunk i of a run with seed S uses seed S + i. */
export const CHUNK = 250;
