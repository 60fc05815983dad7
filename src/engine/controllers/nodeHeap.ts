/**
 * The scheduler's node order as a lazy min-heap: nodes by (pods placed,
 * name), so picking the least-loaded feasible node looks at a few nodes
 * instead of all of them. Entries go stale when a node's count changes;
 * stale ones are dropped when they surface.
 */

interface Entry {
  count: number;
  name: string;
}

function less(a: Entry, b: Entry): boolean {
  return a.count < b.count || (a.count === b.count && a.name < b.name);
}

/** A binary min-heap of (count, node name) entries. */
export class NodeHeap {
  private items: Entry[] = [];

  get size(): number {
    return this.items.length;
  }

  push(name: string, count: number): void {
    const items = this.items;
    const e = { count, name };
    let i = items.length;
    items.push(e);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = items[parent]!;
      if (!less(e, p)) break;
      items[i] = p;
      i = parent;
    }
    items[i] = e;
  }

  pop(): Entry | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (top === undefined || last === undefined || items.length === 0) return top;
    const n = items.length;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && less(items[r]!, items[l]!) ? r : l;
      if (!less(items[c]!, last)) break;
      items[i] = items[c]!;
      i = c;
    }
    items[i] = last;
    return top;
  }

  clear(): void {
    this.items = [];
  }
}
