/** The largest dump read, in characters (Packetwalk's limit: the reading runs in a browser tab). */
export const MAX_DUMP_CHARS = 256 * 1024 * 1024;
