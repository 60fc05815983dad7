/**
 * Texts too big for the browser's local storage (a cluster dump is tens of MB; local storage holds
 * a few MB per site) kept in IndexedDB instead, under its `packetwalk-big:` key: the text itself,
 * or for a big one the count of its pieces (under `key#0`, `key#1`, ...). The session record (in local storage) names them; it is written only once the texts it
 * names are stored, so a save never points at a text that is not there. Loaded on demand: only a
 * workspace holding such a text needs this module.
 */

const DB_NAME = "packetwalk";
const STORE = "texts";

let opened: Promise<IDBDatabase> | null = null;

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error("IndexedDB request failed"));
  });
}

function database(): Promise<IDBDatabase> {
  opened ??= new Promise<IDBDatabase>((resolve, reject) => {
    if (typeof indexedDB === "undefined") {
      reject(new Error("IndexedDB is not available"));
      return;
    }
    const open = indexedDB.open(DB_NAME, 1);
    open.onupgradeneeded = () => open.result.createObjectStore(STORE);
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error ?? new Error("IndexedDB cannot be opened"));
    open.onblocked = () => reject(new Error("IndexedDB is blocked by another tab"));
  }).catch((e: unknown) => {
    opened = null;
    throw e;
  });
  return opened;
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error("IndexedDB transaction failed"));
    tx.onabort = () => reject(tx.error ?? new Error("IndexedDB transaction aborted"));
  });
}

/**
 * A text over this many characters is stored in pieces, each put in a task of its own: a put
 * copies its value on the page's thread, tens of milliseconds for a dump of tens of MB. (A key
 * names one text for good — persistence.ts names each new text afresh — so pieces are never
 * overwritten by fewer.)
 */
export const PIECE_CHARS = 1024 * 1024;

/** What a text stored in pieces keeps under its own key. */
interface Pieces {
  pieces: number;
}

function isPieces(value: unknown): value is Pieces {
  return typeof value === "object" && value !== null && typeof (value as Pieces).pieces === "number";
}

/** The key of a text's piece `i`: under the text's key, so one key range holds all of them. */
function pieceKey(key: string, i: number): string {
  return `${key}#${i}`;
}

function piecesOf(key: string): IDBKeyRange {
  return IDBKeyRange.bound(`${key}#`, `${key}#\uffff`);
}

/** The texts stored under `keys`; a key with no text (or a piece missing) is left out. */
export async function readBigTexts(keys: readonly string[]): Promise<Map<string, string>> {
  const db = await database();
  const store = db.transaction(STORE, "readonly").objectStore(STORE);
  const values = await Promise.all(keys.map((k) => request<unknown>(store.get(k))));
  const found = new Map<string, string>();
  await Promise.all(
    keys.map(async (key, i) => {
      const value = values[i];
      if (typeof value === "string") found.set(key, value);
      else if (isPieces(value)) {
        const pieces = await Promise.all(
          Array.from({ length: value.pieces }, (_, p) => request<unknown>(store.get(pieceKey(key, p)))),
        );
        if (pieces.every((piece) => typeof piece === "string")) found.set(key, pieces.join(""));
      }
    }),
  );
  return found;
}

/** Every text's key (not its pieces'). */
export async function bigTextKeys(): Promise<string[]> {
  const db = await database();
  const keys = await request(db.transaction(STORE, "readonly").objectStore(STORE).getAllKeys());
  return keys.filter((k): k is string => typeof k === "string" && !k.includes("#"));
}

/**
 * Stores the texts in one transaction: all of them or, refused (quota, disabled), none. Each put
 * is made when the one before it has succeeded (a task later), which keeps the transaction open.
 */
export async function writeBigTexts(texts: ReadonlyMap<string, string>): Promise<void> {
  const puts: [string, unknown][] = [];
  for (const [key, text] of texts) {
    if (text.length <= PIECE_CHARS) {
      puts.push([key, text]);
      continue;
    }
    const count = Math.ceil(text.length / PIECE_CHARS);
    for (let i = 0; i < count; i++)
      puts.push([pieceKey(key, i), text.slice(i * PIECE_CHARS, (i + 1) * PIECE_CHARS)]);
    puts.push([key, { pieces: count } satisfies Pieces]);
  }
  const db = await database();
  const tx = db.transaction(STORE, "readwrite");
  const store = tx.objectStore(STORE);
  let next = 0;
  const put = () => {
    const entry = puts[next++];
    if (entry) store.put(entry[1], entry[0]).onsuccess = put;
  };
  put();
  await done(tx);
}

/** Deletes the texts under `keys`, and their pieces. */
export async function deleteBigTexts(keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  const db = await database();
  const tx = db.transaction(STORE, "readwrite");
  const store = tx.objectStore(STORE);
  for (const key of keys) {
    store.delete(key);
    store.delete(piecesOf(key));
  }
  await done(tx);
}
