/**
 * The whole gallery's order after one group (a product's photos, in "both" mode) was reordered:
 * the group's photos take the group's old positions in the new order, everything else stays.
 * The API takes the full list of the session's photos.
 */
export function mergeGroupOrder(all: readonly string[], group: readonly string[]): string[] {
  const members = new Set(group);
  let next = 0;
  return all.map((id) => (members.has(id) ? (group[next++] ?? id) : id));
}
